// Quotation marks to Arabic guillemets «…». Source texts use whatever their
// keyboard or word processor gave them: ’’…‘‘ (doubled single marks, as the
// INTERPOL texts do), ’…‘, "…", “…” and the mirrored ”…“. Only a mark that
// can open (at a word start) paired with a later mark that can close (at a
// word end) is replaced; an unpaired mark is left exactly as it is, so no
// text is ever swallowed or moved.

interface QuoteStyle {
  open: string;
  close: string;
}

// Longer marks first: ’’ must be taken before ’ is.
const STYLES: readonly QuoteStyle[] = [
  { open: "’’", close: "‘‘" },
  { open: "‘‘", close: "’’" },
  { open: "“", close: "”" },
  { open: "”", close: "“" },
  { open: '"', close: '"' },
  { open: "’", close: "‘" },
];

// Arabic one-letter words written joined to the next word: و"…" and ب"…".
const PROCLITICS = "وفبلك";
const BEFORE_OPEN = /[\s([{«/—–-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Any mark of any style (most lines have none, and are left as they are at once). */
const ANY_MARK = /[’‘“”"]/;

/** Replace paired quotation marks with «…»; leave unpaired marks as they are. */
export function typesetQuotes(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  return STYLES.reduce((current, style) => typesetStyle(current, style), text);
}

function typesetStyle(text: string, style: QuoteStyle): string {
  if (!text.includes(style.open)) return text; // (no opener, no pair)
  const pairs = findPairs(text, style);
  if (pairs.length === 0) return text;
  let out = "";
  let from = 0;
  for (const [open, close] of pairs) {
    out += text.slice(from, open) + "«" + text.slice(open + style.open.length, close) + "»";
    from = close + style.close.length;
  }
  return out + text.slice(from);
}

/** Index pairs [open, close]; an opener waits for the next closer, a later opener replaces it. */
function findPairs(text: string, style: QuoteStyle): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let pending: number | undefined;
  // Only where a mark is written can anything happen: the loop goes from one
  // to the next, keeping the next place of each mark (-1: no more).
  let nextOpen = text.indexOf(style.open);
  let nextClose = text.indexOf(style.close);
  let index = 0;
  while (index < text.length) {
    if (nextOpen >= 0 && nextOpen < index) nextOpen = text.indexOf(style.open, index);
    if (nextClose >= 0 && nextClose < index) nextClose = text.indexOf(style.close, index);
    if (nextOpen < 0 && nextClose < 0) break;
    index = nextOpen < 0 ? nextClose : nextClose < 0 ? nextOpen : Math.min(nextOpen, nextClose);
    const mark = markAt(text, index, style);
    if (mark === "close" && pending !== undefined) {
      pairs.push([pending, index]);
      pending = undefined;
      index += style.close.length;
    } else if (mark === "open") {
      pending = index;
      index += style.open.length;
    } else {
      index += 1;
    }
  }
  return pairs;
}

function markAt(text: string, index: number, style: QuoteStyle): "open" | "close" | undefined {
  if (text.startsWith(style.close, index) && canClose(text, index, style.close.length)) return "close";
  if (text.startsWith(style.open, index) && canOpen(text, index, style.open.length)) return "open";
  return undefined;
}

/** An opener starts a word: after a space, bracket or proclitic, before a non-space. */
function canOpen(text: string, index: number, length: number): boolean {
  const after = text[index + length];
  if (after === undefined || /\s/u.test(after) || isQuoteChar(after)) return false;
  return index === 0 || opensAfter(text, index);
}

function opensAfter(text: string, index: number): boolean {
  const before = text[index - 1] ?? "";
  if (BEFORE_OPEN.test(before)) return true;
  const twoBefore = text[index - 2];
  return PROCLITICS.includes(before) && (twoBefore === undefined || /\s/u.test(twoBefore));
}

/** A closer ends a word: after a non-space, before a space, punctuation or the end. */
function canClose(text: string, index: number, length: number): boolean {
  const before = text[index - 1];
  if (before === undefined || /\s/u.test(before) || isQuoteChar(before)) return false;
  const after = text[index + length];
  return after === undefined || !LETTER_OR_DIGIT.test(after);
}

function isQuoteChar(char: string): boolean {
  return "’‘“”\"".includes(char);
}
