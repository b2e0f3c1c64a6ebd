// Bytes to text. Strict: a file that is not valid text is reported, never
// guessed at silently, and every accepted text leaves here in one shape
// (no BOM, LF line ends, Unicode NFC, no control characters but tab and line
// feed) so later stages need not care.
//
// What is accepted, and what the maintainer is told (README, "When a file has
// a problem"):
//   UTF-8, with or without a BOM ........................ silently
//   UTF-16 LE or BE with a BOM .......................... converted, warning
//   Arabic saved as Windows-1256 (see looksLikeArabic) .. converted, warning
//   anything else (binary, NUL bytes, other encodings) .. error

export interface DecodeNote {
  message: string;
  fix: string;
  line?: number;
}

export type DecodeResult =
  | { ok: true; text: string; encoding: string; warnings: DecodeNote[] }
  | ({ ok: false } & DecodeNote);

const SAVE_AS_UTF8 = "open it in a text editor and save it again with the encoding UTF-8";

/** CRLF and lone CR to LF, then NFC, so one letter is always one code sequence. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** 1-based line of a character offset in decoded text (any line end). */
function lineOfIndex(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n?|\n/).length;
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8
 * sequence (overlong forms, surrogates and values past U+10FFFF included),
 * or -1 when all of it is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // past U+10FFFF
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

// ------------------------------------------------------------ not text at all

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a .docx, .odt or .epub is one)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "an old Microsoft Office (.doc) file" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: "UTF-32 text" },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: "UTF-32 text" },
];

/** What a known binary (or unsupported) file format starts with, if it is one. */
export function sniffFormat(bytes: Uint8Array): string | null {
  const found = SIGNATURES.find(({ bytes: signature }) => signature.every((byte, i) => bytes[i] === byte));
  return found ? found.what : null;
}

// ------------------------------------------------------------ Windows-1256

// Characters Windows-1256 gives to bytes 0x80-0xBF that Arabic writing does
// not use. Arabic text read with the wrong encoding (UTF-8 bytes read as
// Windows-1256 turn every letter into "ط§" or "ظ„") is full of them.
const FOREIGN_1256_SYMBOLS = /[€‚ƒ„†‡ˆ‰‹Œ›œ™¢£¤¥¦§¨©¬\u00AD®¯°±²³´µ¶·¸¹¼½¾]/u;
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/gu;
const ANY_LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
// Arabic letters and the Arabic marks (which Unicode files under "Inherited").
const ARABIC_SCRIPT = /[\p{Script=Arabic}\u064B-\u065F\u0670]/u;
/** Fewest Arabic letters before a guess is made at all. */
const MIN_ARABIC_LETTERS = 20;
/** Share of all letters that must be Arabic. */
const MIN_ARABIC_SHARE = 0.75;

/** A control character other than tab and line ends: C0 (NUL included), DEL, C1. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function firstControl(text: string): number {
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) return i;
  return -1;
}

export type ArabicVerdict = { arabic: true } | { arabic: false; reason: string };

/**
 * Whether text decoded as Windows-1256 is unambiguously Arabic:
 *  1. it has at least 20 Arabic letters, and at least 3 in 4 of its letters are Arabic;
 *  2. it has none of the Windows-1256 symbols Arabic writing does not use
 *     (€ ƒ „ † ‰ Œ ™ ¤ ¦ § ¨ © ° ± µ ¶ …: what UTF-8 read as Windows-1256 looks like);
 *  3. no word mixes Arabic and Latin letters or marks (a Latin-1 "ñ" or "É"
 *     read as Windows-1256 becomes an Arabic mark or letter inside a Latin word);
 *  4. it has no control characters.
 */
export function looksLikeArabic(text: string): ArabicVerdict {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return { arabic: false, reason: "it has no letters at all" };
  if (arabic / letters < MIN_ARABIC_SHARE) {
    return { arabic: false, reason: `only ${Math.round((100 * arabic) / letters)}% of its letters are Arabic` };
  }
  if (arabic < MIN_ARABIC_LETTERS) {
    return { arabic: false, reason: `it has only ${arabic} Arabic letters, too few to tell (at least ${MIN_ARABIC_LETTERS} are needed)` };
  }
  const symbol = FOREIGN_1256_SYMBOLS.exec(text);
  if (symbol) return { arabic: false, reason: `it contains "${symbol[0]}", typical of text in another encoding` };
  const mixed = text.split(/[^\p{L}\p{M}]+/u).find((word) => LATIN_LETTER.test(word) && ARABIC_SCRIPT.test(word));
  if (mixed !== undefined) return { arabic: false, reason: `the word "${mixed}" mixes Arabic and Latin letters` };
  if (firstControl(text) >= 0) return { arabic: false, reason: "it contains control characters" };
  return { arabic: true };
}

// ------------------------------------------------------------ decoding

/** Control characters other than tab and line ends: removed, with a warning. */
function removeControls(text: string): { text: string; note: DecodeNote | null } {
  const first = firstControl(text);
  if (first < 0) return { text, note: null };
  const kept = [...text].filter((char) => !isControl(char.charCodeAt(0))).join("");
  const count = text.length - kept.length;
  const code = `U+${text.charCodeAt(first).toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    text: kept,
    note: {
      line: lineOfIndex(text, first),
      message: `${count} invisible control character${count === 1 ? "" : "s"} (first ${code}) removed`,
      fix: "they usually come from copying out of another program; delete them in the file to silence this",
    },
  };
}

function finish(text: string, encoding: string, warnings: DecodeNote[]): DecodeResult {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    return {
      ok: false,
      line: lineOfIndex(text, nul),
      message: "contains NUL characters: it is binary data, not text",
      fix: "remove it from the content folder, or copy its text into a new UTF-8 file",
    };
  }
  const cleaned = removeControls(text);
  if (cleaned.note) warnings.push(cleaned.note);
  return { ok: true, text: normalizeText(cleaned.text), encoding, warnings };
}

/** Decode a content file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or Arabic in Windows-1256. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const format = sniffFormat(bytes);
  if (format) {
    return {
      ok: false,
      message: `is ${format}, not a plain text file`,
      fix: "remove it from the content folder; to publish its text, save the text as a UTF-8 .txt file",
    };
  }

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const name = encoding.toUpperCase();
    const text = decodeStrict(bytes, encoding);
    if (text === null) {
      return { ok: false, message: `starts like ${name} text but is not valid ${name}`, fix: SAVE_AS_UTF8 };
    }
    return finish(text, encoding, [{ message: `saved as ${name}; converted to UTF-8 for the site`, fix: SAVE_AS_UTF8 }]);
  }

  const invalid = firstInvalidUtf8(bytes);
  // TextDecoder drops a UTF-8 BOM itself (ignoreBOM: false): harmless, so no warning.
  if (invalid < 0) return finish(decodeStrict(bytes, "utf-8") ?? "", "utf-8", []);

  const line = lineOfOffset(bytes, invalid);
  const byte = `0x${(bytes[invalid] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
  if (bytes.includes(0)) {
    return {
      ok: false,
      line: lineOfOffset(bytes, bytes.indexOf(0)),
      message: "contains NUL bytes: it is binary data (or UTF-16 without a byte order mark), not UTF-8 text",
      fix: "remove it from the content folder, or open it in a text editor and save it as UTF-8",
    };
  }
  const legacy = decodeStrict(bytes, "windows-1256");
  const verdict = legacy === null ? { arabic: false as const, reason: "it cannot be read as Windows-1256" } : looksLikeArabic(legacy);
  if (legacy !== null && verdict.arabic) {
    return finish(legacy, "windows-1256", [
      { message: "saved as Windows-1256 (an older Arabic encoding), not UTF-8; converted for the site", fix: SAVE_AS_UTF8 },
    ]);
  }
  return {
    ok: false,
    line,
    message: `is not valid UTF-8 (byte ${byte} on this line), and not Arabic saved as Windows-1256 either (${"reason" in verdict ? verdict.reason : ""})`,
    fix: `${SAVE_AS_UTF8}; if it was saved in another encoding (e.g. Windows-1252 or Latin-1), choose that encoding when opening it`,
  };
}
