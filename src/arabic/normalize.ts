// The one place that decides when two pieces of Arabic text are "the same".
// Everything that compares text (organisation matching, dates, search) goes
// through these functions, so a spelling rule is changed in one place only.

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - base);
  });
}

/** ASCII digits to Arabic-Indic digits, for display when the site asks for them. */
export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(digit)));
}

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks
// and the extended-Arabic marks (U+08D3-U+08FF, without U+08E2, a sign that
// stands alone): they change pronunciation, never which word is meant.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF]/g;
const TATWEEL = /\u0640/g;

/** Remove diacritics and tatweel, leaving the letters. */
export function stripDiacritics(text: string): string {
  return text.replace(DIACRITICS, "").replace(TATWEEL, "");
}

// Invisible format characters that can sit inside or between Arabic words:
// zero-width non-joiner / joiner, bidi marks, embeddings and isolates, the
// Arabic letter mark, the byte order mark and the soft hyphen.
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;

/** Remove zero-width and bidi format characters, which never change a word. */
export function stripInvisibles(text: string): string {
  return text.replace(INVISIBLES, "");
}

// The same letter under another code point: what Persian and Urdu keyboards
// and some publishing systems type for an Arabic letter. They are the letter
// itself, so a reader typing the Arabic one must find them (search folds them
// in the index too, see src/search/words.ts).
const KEYBOARD_VARIANTS: Record<string, string> = {
  "\u06A9": "\u0643", // Persian kaf ک -> ك
  "\u06AA": "\u0643", // ڪ (swash kaf) -> ك
  "\u06AB": "\u0643", // ګ (kaf with ring) -> ك
  "\u06CC": "\u064A", // Persian yeh ی -> ي
  "\u06CD": "\u064A", // ۍ (yeh with tail) -> ي
  "\u06D0": "\u064A", // ې (e) -> ي
  "\u06D2": "\u064A", // ے (yeh barree) -> ي
  "\u06D3": "\u0626", // ۓ (yeh barree with hamza) -> ئ
  "\u0678": "\u0626", // ٸ (high hamza yeh) -> ئ
  "\u0675": "\u0623", // ٵ (high hamza alef) -> أ
  "\u0676": "\u0624", // ٶ (high hamza waw) -> ؤ
  "\u06C0": "\u0629", // ۀ (heh with yeh above, Persian ezafe) -> ة
  "\u06C1": "\u0647", // ہ (heh goal) -> ه
  "\u06C2": "\u0647", // ۂ (heh goal with hamza) -> ه
  "\u06BE": "\u0647", // ھ (heh doachashmee) -> ه
  "\u06D5": "\u0647", // ە (ae) -> ه
  "\u06C3": "\u0629", // ۃ (teh marbuta goal) -> ة
};

// Spellings of one word that vary in ordinary Arabic writing.
const SPELLING_FOLDS: Record<string, string> = {
  "\u0623": "\u0627", // أ -> ا
  "\u0625": "\u0627", // إ -> ا
  "\u0622": "\u0627", // آ -> ا
  "\u0671": "\u0627", // ٱ -> ا
  "\u0672": "\u0627", // ٲ (wavy hamza above) -> ا
  "\u0673": "\u0627", // ٳ (wavy hamza below) -> ا
  "\u0624": "\u0648", // ؤ -> و
  "\u0626": "\u064A", // ئ -> ي
  "\u0629": "\u0647", // ة -> ه
  "\u0649": "\u064A", // ى -> ي
};

const LETTER_FOLDS: Record<string, string> = { ...SPELLING_FOLDS };
for (const [variant, letter] of Object.entries(KEYBOARD_VARIANTS)) LETTER_FOLDS[variant] = SPELLING_FOLDS[letter] ?? letter;
const FOLDABLE_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");
const VARIANT_LETTERS = new RegExp(`[${Object.keys(KEYBOARD_VARIANTS).join("")}]`, "g");

/** Presentation forms (U+FB50-FDFF, U+FE70-FEFF) back to ordinary letters. */
export function expandPresentationForms(text: string): string {
  // NFKC only on the presentation-form characters themselves: applied to the
  // whole text it would also rewrite things like superscripts and ligatures
  // in Latin runs, which we must leave alone.
  // The isolated forms of the harakat (U+FE70-FE7F) and some shadda ligatures
  // decompose to a space followed by the mark; the space is dropped so the
  // mark stays on its letter and a word is not split in two.
  return text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (run) =>
    run.normalize("NFKC").replace(/ (?=[\u064B-\u065F\u0670])/g, ""),
  );
}

/**
 * The ordinary Arabic letters of a text written with presentation forms or
 * Persian/Urdu code points (ک -> ك, ی -> ي, ﻛ -> ك, ﻻ -> لا), hamza and ta
 * marbuta kept as written: the text as an Arabic keyboard would have typed it.
 */
export function plainLetters(text: string): string {
  return expandPresentationForms(text).replace(VARIANT_LETTERS, (letter) => KEYBOARD_VARIANTS[letter] ?? letter);
}

/** Fold the letters whose spelling varies (hamza carriers, ta marbuta, alef maqsura, Persian/Urdu letters). */
export function foldLetters(text: string): string {
  return text.replace(FOLDABLE_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/**
 * The comparison form of Arabic text: presentation forms expanded, diacritics,
 * tatweel and invisible format characters removed, hamza carriers, ta
 * marbuta, alef maqsura and Persian letters folded, digits made ASCII, Latin
 * lower-cased, whitespace collapsed. Never shown to readers: it exists only
 * to compare.
 */
export function normalizeArabic(text: string): string {
  return foldLetters(toWesternDigits(stripDiacritics(stripInvisibles(expandPresentationForms(text.normalize("NFC"))))))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
