// How Arabic text is prepared for Pagefind, on both sides of the search:
// the build indexes documents with indexText(), the browser prepares what
// the reader types with prepareQuery(). Both cut words with the same rule
// (searchableCore), so a word written one way on the page and typed another
// way in the search box meets in the same index entry.
//
// Pagefind (1.6, lang="ar") indexes every whitespace-separated word with its
// non-alphanumeric characters removed and, when the word held non-ASCII
// punctuation, also the word with that punctuation kept ("اتجار،",
// "’’الانتربول"): junk entries nobody can type. Its Arabic stemmer strips
// ال، بال، لل but not وال or فال, and "الـ34" stays "ال34".
//
// We cannot hand Pagefind a different text to index than the one its
// excerpts show, so instead the index text is the display text with some
// characters *escaped*: written as "~" and four hex digits spelled in ASCII
// punctuation. Pagefind treats ASCII punctuation as word-internal noise and
// drops it from the indexed form, so an escaped character takes no part in
// the word Pagefind indexes, adds no entry and moves no word position; the
// search UI decodes the excerpt (decodeIndexText) back to exactly the page's
// text. Escaped are:
//   - every non-ASCII character that is not a letter, digit or mark
//     (Arabic comma, quotes «» ’’ “”, dashes, invisible format characters);
//   - the ASCII characters < > & (so an excerpt can be split on <mark> safely)
//     and the escape character ~ itself;
//   - the attached prefix of وال/فال words (و in والإرهاب), so the word is
//     indexed as الإرهاب;
//   - the preposition ل (with و/ف before it) on a verbal noun or participle,
//     a word whose next letter is ت or م (لتهريب، ولمكافحة), which the
//     stemmer keeps: so "تهريب المهاجرين" in quotes finds لتهريب المهاجرين.
//     Words that start with a root ل (لجنة، لاجئ) do not take this shape and
//     stay whole, so اللجنة still finds لجنة;
//   - Arabic prefixes written onto a number or a Latin word (الـ in الـ34,
//     و in وSTOP), so 34 and STOP are what is indexed.
// One more rule replaces rather than hides: a word holding Persian/Urdu code
// points or presentation forms (ک and ی in الکفیل, ﻛ) is indexed as the
// Arabic letters a reader types (الكفيل), followed by a trailer of escapes:
// for each replaced character, its escape and the escape of its distance
// from the end of the word. The trailer sits at the word's end because
// Pagefind also indexes the pieces between punctuation inside a word, and
// the decoder, meeting the escape of such a character (never escaped
// otherwise: it is a letter), puts it back in place.
//
// This file runs in the browser too (compiled by the build): it imports only
// src/arabic/normalize.ts and nothing from Node.

import { foldLetters, plainLetters, stripDiacritics } from "../arabic/normalize.ts";

/** Starts an escape in index text. */
export const ESCAPE = "~";
/** Sixteen ASCII punctuation characters used as hex digits 0-f; none is "~", "<", ">", "&", "_" or a quote. */
const HEX_DIGITS = "!#$%()*+,-./:;=?";

const ESCAPED = new RegExp(`${ESCAPE}(?:${ESCAPE}|[${HEX_DIGITS.replace(/[-\\\]^]/g, "\\$&")}]{4})`, "g");

/** Escape every UTF-16 code unit of a string. */
export function escapeAll(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (text[i] === ESCAPE) {
      out += ESCAPE + ESCAPE;
      continue;
    }
    out += ESCAPE;
    for (let shift = 12; shift >= 0; shift -= 4) out += HEX_DIGITS[(unit >> shift) & 15];
  }
  return out;
}

/**
 * The Arabic letters Pagefind indexes in place of a letter (ک -> ك,
 * ﻻ -> لا), or null when it is indexed as itself. A form that stands for
 * more than letters (ﷺ, a phrase with spaces) is not replaced.
 */
function indexedLetters(char: string): string | null {
  if (!/\p{L}/u.test(char)) return null;
  const letters = plainLetters(char);
  return letters !== char && /^[\p{L}\p{M}]+$/u.test(letters) ? letters : null;
}

/** Index text back to display text: every escape replaced by the character it stands for. */
export function decodeIndexText(text: string): string {
  let out = "";
  let from = 0;
  // A trailer (see above): where the word it restores ends in `out`, and the character waiting for its distance.
  let anchor = -1;
  let restoring: string | null = null;
  let trailerEnd = -1;
  for (const match of text.matchAll(ESCAPED)) {
    const adjacent = match.index === trailerEnd;
    out += text.slice(from, match.index);
    from = match.index + match[0].length;
    let char = ESCAPE;
    if (match[0] !== ESCAPE + ESCAPE) {
      let unit = 0;
      for (const digit of match[0].slice(1)) unit = unit * 16 + HEX_DIGITS.indexOf(digit);
      char = String.fromCharCode(unit);
    }
    if (restoring !== null && adjacent && match[0] !== ESCAPE + ESCAPE) {
      const letters = indexedLetters(restoring)!;
      const at = anchor - char.charCodeAt(0);
      if (at >= 0 && out.slice(at, at + letters.length) === letters) {
        out = out.slice(0, at) + restoring + out.slice(at + letters.length);
        anchor += restoring.length - letters.length;
        restoring = null;
        trailerEnd = from;
        continue;
      }
    }
    if (restoring !== null) out += restoring;
    restoring = null;
    if (indexedLetters(char) !== null) {
      if (!adjacent) anchor = out.length;
      restoring = char;
      trailerEnd = from;
      continue;
    }
    trailerEnd = -1;
    out += char;
  }
  return out + (restoring ?? "") + text.slice(from);
}

/** A word's letters with each Persian/Urdu letter or presentation form replaced by its Arabic letters, and the replacements, last first. */
function replaceLetters(core: string): { letters: string; replaced: { at: number; char: string }[] } {
  let letters = "";
  const replaced: { at: number; char: string }[] = [];
  for (const char of core) {
    const plain = indexedLetters(char);
    if (plain !== null) replaced.unshift({ at: letters.length, char });
    letters += plain ?? char;
  }
  return { letters, replaced };
}

/** The trailer of escapes that lets decodeIndexText() put the replaced characters back (see above). */
function restoreTrailer(letters: string, replaced: readonly { at: number; char: string }[]): string {
  return replaced.map(({ at, char }) => escapeAll(char) + escapeAll(String.fromCharCode(letters.length - at))).join("");
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Arabic letters that may be written onto the next word: conjunctions, prepositions, the article. */
const NUMBER_OR_LATIN_PREFIX = /^(?:[وف]?[بكل]?(?:ال|لل)?|[وف]?ل)ـ*(?=[0-9\u0660-\u0669\u06F0-\u06F9A-Za-z])/;
const CONJUNCTION_ARTICLE = /^[وف]ال/;
/** ل (after و or ف, or alone) on a word of 4+ letters starting with ت or م (comparison form). */
const PREPOSITION_LAM = /^([وف]?ل)(?=[تم][\u0621-\u064A]{3,}$)/;
/** Words of that shape whose ل is a root letter. */
const ROOT_LAM = new Set(["لمسات", "لمحات", "لمحه", "لمسه", "لملمه", "لتوه"]);
const ARABIC_LETTERS = /^[\u0621-\u064A\u0671-\u06D3]+$/;

/**
 * Words that start with و or ف followed by ال where those letters are part of
 * the word itself (والد "father", والي "governor"), in comparison form: they
 * are never split.
 */
const ROOT_WAL = new Set([
  "والد", "والده", "والدي", "والدين", "والدان", "والداه", "والدها", "والدهم", "والديه", "والدتي", "والدته", "والدتها",
  "والي", "واليا", "واليه", "والت", "فالح", "فالج",
]);

/** A word's comparison form for the prefix rules: diacritics and tatweel removed, hamza and ta marbuta folded. */
function ruleForm(word: string): string {
  return foldLetters(stripDiacritics(word));
}

/** How many code units of `word` make up its first `letters` letters, with the marks and tatweel that follow them. */
function spanOfLetters(word: string, letters: number): number {
  let index = 0;
  for (let seen = 0; seen < letters && index < word.length; ) {
    if (word[index] !== "ـ" && /\p{L}/u.test(word[index]!)) seen++;
    index++;
    while (index < word.length && (word[index] === "ـ" || /\p{M}/u.test(word[index]!))) index++;
  }
  return index;
}

/**
 * The part of a word that is not an attached prefix we want searchable apart:
 * returns [prefix, rest]. "والإرهاب" -> ["و", "الإرهاب"], "الـ34" -> ["الـ", "34"],
 * "وSTOP" -> ["و", "STOP"], "الإرهاب" -> ["", "الإرهاب"].
 */
export function splitPrefix(core: string): [string, string] {
  const plain = stripDiacritics(core);
  const numberPrefix = NUMBER_OR_LATIN_PREFIX.exec(plain);
  if (numberPrefix && numberPrefix[0].length > 0 && /[\u0600-\u06FF]/.test(numberPrefix[0])) {
    const letters = numberPrefix[0].replace(/ـ/g, "").length;
    const cut = spanOfLetters(core, letters);
    return [core.slice(0, cut), core.slice(cut)];
  }
  const form = ruleForm(core);
  if (CONJUNCTION_ARTICLE.test(form) && ARABIC_LETTERS.test(form) && form.length >= 5 && !ROOT_WAL.has(form)) {
    const cut = spanOfLetters(core, 1);
    return [core.slice(0, cut), core.slice(cut)];
  }
  const lam = PREPOSITION_LAM.exec(form);
  if (lam && ARABIC_LETTERS.test(form) && !ROOT_LAM.has(form.slice(lam[1]!.length - 1))) {
    const cut = spanOfLetters(core, lam[1]!.length);
    return [core.slice(0, cut), core.slice(cut)];
  }
  return ["", core];
}

/** Characters inside a word that Pagefind must not see: non-ASCII non-letters (punctuation, invisibles) and < > & ~. */
const INNER_UNSAFE = /[^\p{L}\p{N}\p{M}\x20-\x7E]|[<>&~]/gu;

/** The edges of a word: [start of its first letter or digit, end of its last]. */
function wordEdges(word: string): [number, number] {
  let start = 0;
  let end = word.length;
  while (start < end && !WORD_CHAR.test(word[start]!)) start++;
  while (end > start && !WORD_CHAR.test(word[end - 1]!)) end--;
  return [start, end];
}

/** What a whitespace-free word is found by: punctuation at its edges and a split-off prefix removed. */
export function searchableCore(word: string): string {
  const [start, end] = wordEdges(word);
  return replaceLetters(splitPrefix(word.slice(start, end))[1]).letters.replace(INNER_UNSAFE, "");
}

/** Punctuation at a word's edge stays as it is when it is printable ASCII (Pagefind ignores it), else it is escaped. */
function escapeEdge(text: string): string {
  let out = "";
  for (const char of text) out += /[\x21-\x7E]/.test(char) && !/[<>&~]/.test(char) ? char : escapeAll(char);
  return out;
}

/** One whitespace-free word of display text as Pagefind should index it. */
export function indexWord(word: string): string {
  const [start, end] = wordEdges(word);
  const [prefix, core] = splitPrefix(word.slice(start, end));
  const { letters, replaced } = replaceLetters(core);
  return (
    escapeEdge(word.slice(0, start)) +
    escapeAll(prefix) +
    letters.replace(INNER_UNSAFE, (char) => escapeAll(char)) +
    restoreTrailer(letters, replaced) +
    escapeEdge(word.slice(end))
  );
}

/**
 * Display text -> index text: each word prepared by indexWord(), whitespace
 * kept (Pagefind folds every run of whitespace into one space, as do our
 * excerpts after decoding).
 */
export function indexText(text: string): string {
  return text.replace(/\S+/g, indexWord);
}

/** What Pagefind itself will treat as the words of a query: whitespace-separated, with quotes for phrases. */
const QUOTE_MARKS = /[«»“”„‟″"]/g;
const NUMBER = /^[0-9\u0660-\u0669\u06F0-\u06F9]+$/;

/**
 * The reader's query as Pagefind should receive it: each word reduced to its
 * searchable core (والإرهاب -> الإرهاب, الـ34 -> 34, اتجار، -> اتجار),
 * Arabic and typographic quotes turned into the ASCII quotes Pagefind reads
 * as a phrase, words with nothing searchable dropped.
 */
export function prepareQuery(query: string): string {
  const quoted = query.replace(QUOTE_MARKS, '"');
  const quotes = (quoted.match(/"/g) ?? []).length;
  const balanced = quotes % 2 === 0 ? quoted : quoted.replace(/"(?=[^"]*$)/, " ");
  const out: string[] = [];
  let inPhrase = false;
  for (const token of balanced.split(/(")/)) {
    if (token === '"') {
      out.push('"');
      inPhrase = !inPhrase;
      continue;
    }
    for (const word of token.split(/\s+/)) {
      if (word === "") continue;
      const core = searchableCore(word);
      // Pagefind matches a word as a prefix too, so 34 would find 340: a
      // number is asked for as itself, the way a one-word phrase is.
      if (core !== "") out.push(!inPhrase && NUMBER.test(core) ? `"${core}"` : core);
    }
  }
  return out
    .join(" ")
    .replace(/" /g, '"')
    .replace(/ "/g, '"')
    .replace(/""/g, "")
    .replace(/"([^"]*)"/g, ' "$1" ')
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a query without quotes, for highlighting and messages. */
export function queryWords(prepared: string): string[] {
  return prepared.replace(/"/g, " ").split(/\s+/).filter((word) => word !== "");
}

/** A word that ends in heh, diacritics aside: perhaps a ta marbuta typed without its dots (الخطه for الخطة). */
const HEH_END = /ه([\u064B-\u0652]*)$/;
/** Most words of one query whose other spelling is also searched: each doubles the searches. */
const MAX_VARIED_WORDS = 3;

/**
 * The prepared query (prepareQuery) and its other spellings the index must
 * be asked for too: a word ending in heh is also searched with ta marbuta,
 * as readers often type الخطه for الخطة (the up to three first such words;
 * every combination of them). A word typed with ة is asked for as typed:
 * texts are indexed as written.
 */
export function queryVariants(prepared: string): string[] {
  const tokens = prepared.split(/(\s+|")/);
  const varied = tokens.map((token, at) => (HEH_END.test(token) ? at : -1)).filter((at) => at >= 0).slice(0, MAX_VARIED_WORDS);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << varied.length; mask++) {
    const spelled = [...tokens];
    varied.forEach((at, bit) => {
      if (mask & (1 << bit)) spelled[at] = spelled[at]!.replace(HEH_END, "ة$1");
    });
    variants.push(spelled.join(""));
  }
  return variants;
}

/** What searchVariants() needs of a Pagefind result. */
export interface ScoredResult {
  id: string;
  score: number;
}

/**
 * Every variant of the prepared query (queryVariants) searched through
 * `search`, and the results merged: each page once, at its best score, best
 * first (ties in the order found). Null when every search was superseded.
 */
export async function searchVariants<R extends ScoredResult>(search: (term: string) => Promise<{ results: R[] } | null>, prepared: string): Promise<R[] | null> {
  const responses = await Promise.all(queryVariants(prepared).map(search));
  if (responses.every((response) => response === null)) return null;
  const best = new Map<string, R>();
  for (const response of responses) {
    for (const result of response?.results ?? []) {
      const seen = best.get(result.id);
      if (seen === undefined || result.score > seen.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
