// White space as JavaScript itself reads it, one UTF-16 code unit at a time,
// for loops that walk a text by charCodeAt instead of splitting it with a
// regular expression (and so allocating every piece).

/**
 * Whether a UTF-16 code unit is white space as JavaScript's `\s` (and
 * `String.prototype.trim`) define it: WhiteSpace and LineTerminator, that is
 * tab, line feed, vertical tab, form feed, carriage return, space, U+00A0,
 * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
 */
export function isWhiteSpace(code: number): boolean {
  // Letters (Latin, Arabic and most others) are below U+1680: two comparisons.
  if (code < 0x1680) return code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
