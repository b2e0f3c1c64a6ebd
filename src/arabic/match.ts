// Finding names in Arabic text word by word.
//
// Arabic writes short words onto the next one: the conjunctions و and ف, the
// prepositions ب ك ل and the article ال ("للإنتربول" is ل + الإنتربول with the
// alef dropped). Searching with substrings would find a name inside a longer
// word; searching with a regular expression per name would be slow and still
// miss the attached forms. Instead:
//
//   1. tokenize() cuts the text into words, keeping each word's offsets in the
//      original text and its comparison form (normalizeArabic);
//   2. cliticStems() lists what a word can be once its attached prefixes are
//      taken off;
//   3. a PhraseIndex, built once for a list of phrases, looks up the phrases
//      whose first word is one of those stems and checks the following words
//      exactly, so a match always starts and ends on a word boundary.
//
// findPhrases() keeps the longest match where matches overlap, so a long name
// ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة") is not also counted as the
// shorter name inside it ("الأمم المتحدة").

import { expandPresentationForms, normalizeArabic, stripInvisibles } from "./normalize.ts";

export type TokenKind = "arabic" | "latin" | "number";

/** One word of a text. */
export interface Token {
  /** The word as written: diacritics, tatweel and any quoted-off prefix included. */
  text: string;
  /** The comparison form (normalizeArabic, no spaces). */
  norm: string;
  /** Offset of the first UTF-16 code unit in the original text. */
  start: number;
  /** Offset just past the last code unit (exclusive). */
  end: number;
  kind: TokenKind;
}

/** A text with its tokens, so a caller can tokenize once and search several times. */
export interface TokenizedText {
  text: string;
  tokens: Token[];
}

// ---------------------------------------------------------------------------
// Tokenizer

/** A = Arabic letter (incl. tatweel), L = other letter, D = digit, M = combining mark, J = invisible joiner, X = boundary. */
type CharClass = "A" | "L" | "D" | "M" | "J" | "X";

const UNICODE_DIGIT = /^\p{Nd}$/u;
const UNICODE_MARK = /^\p{M}$/u;
const UNICODE_LETTER = /^\p{L}$/u;
const ARABIC_SCRIPT = /^\p{Script=Arabic}$/u;
const INVISIBLE = /^[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\u00AD]$/;

function classifyArabicBlock(code: number): CharClass {
  if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) return "D";
  if (
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06dc) ||
    (code >= 0x06df && code <= 0x06e4) ||
    code === 0x06e7 ||
    code === 0x06e8 ||
    (code >= 0x06ea && code <= 0x06ed)
  ) {
    return "M";
  }
  if (code === 0x061c) return "J";
  if (
    (code >= 0x0620 && code <= 0x064a) || // includes tatweel U+0640
    code === 0x066e ||
    code === 0x066f ||
    (code >= 0x0671 && code <= 0x06d3) ||
    code === 0x06d5 ||
    code === 0x06e5 ||
    code === 0x06e6 ||
    code === 0x06ee ||
    code === 0x06ef ||
    (code >= 0x06fa && code <= 0x06fc) ||
    code === 0x06ff
  ) {
    return "A";
  }
  return "X"; // ، ؛ ؟ ٪ ٫ ٬ ۔ and other signs
}

function classify(char: string, code: number): CharClass {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return "D";
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return "L";
    return "X";
  }
  if (code >= 0x0600 && code <= 0x06ff) return classifyArabicBlock(code);
  if (code === 0xfeff) return "J";
  if (INVISIBLE.test(char)) return "J";
  if (UNICODE_DIGIT.test(char)) return "D";
  if (UNICODE_MARK.test(char)) return "M";
  if (UNICODE_LETTER.test(char)) return ARABIC_SCRIPT.test(char) ? "A" : "L";
  return "X";
}

/** Whether a character of class `next` continues a run that so far has class `run`. */
function continuesRun(run: "A" | "L" | "D", next: "A" | "L" | "D"): boolean {
  if (run === "A") return next === "A"; // Arabic letters never join digits or Latin
  return next !== "A"; // Latin letters and digits form one word: G20, 24x7
}

interface Run {
  start: number;
  end: number;
  cls: "A" | "L" | "D";
}

function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 2 ? text.slice(index, index + 2) : (text[index] ?? "");
    const cls = classify(char, code);
    if (cls === "M") {
      if (current) current.end = index + width;
    } else if (cls === "J") {
      // An invisible character inside a word keeps the word whole; its end is
      // only moved by the next real character.
    } else if (cls === "X") {
      if (current) runs.push(current);
      current = null;
    } else if (current && current.end === index && continuesRun(current.cls, cls)) {
      current.end = index + width;
      if (current.cls === "D" && cls === "L") current.cls = "L";
    } else if (current && current.end < index && continuesRun(current.cls, cls) && onlyInvisibles(text, current.end, index)) {
      current.end = index + width;
      if (current.cls === "D" && cls === "L") current.cls = "L";
    } else {
      if (current) runs.push(current);
      current = { start: index, end: index + width, cls };
    }
    index += width;
  }
  if (current) runs.push(current);
  return runs;
}

function onlyInvisibles(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const char = text[i] ?? "";
    if (classify(char, char.charCodeAt(0)) !== "J") return false;
  }
  return true;
}

// Word-level results are cached: a corpus uses a few tens of thousands of
// distinct words, and normalising or stemming each occurrence again is most of
// the cost of matching. The caches are emptied when they grow too large.
const CACHE_LIMIT = 200_000;

function cached<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word: string): T => {
    let value = cache.get(word);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = compute(word);
      cache.set(word, value);
    }
    return value;
  };
}

/** The comparison form of one word (normalizeArabic, with any space a ligature expanded to removed). */
export const wordKey: (word: string) => string = cached((word) => normalizeArabic(word).replace(/\s+/g, ""));

/** The case-sensitive form of a word, for acronyms: only invisible characters and presentation forms change. */
export const exactKey: (word: string) => string = cached((word) =>
  stripInvisibles(expandPresentationForms(word.normalize("NFC"))),
);

// The prefixes that may be written onto a word: conjunction, then preposition,
// then article. "لل" is ل + ال with the alef dropped.
const CLITIC_ONLY = /^[وف]?(?:[بكل]|لل)?(?:ال)?$/;

/** Whether a (normalised) fragment consists only of attachable prefixes: و ف ب ك ل ال وال بال لل ولل... */
export function isCliticPrefix(fragment: string): boolean {
  return fragment.length > 0 && CLITIC_ONLY.test(fragment);
}

/**
 * Attach a normalised prefix to a normalised word as Arabic spells it:
 * ل + الإنتربول = للإنتربول, ل + اللجنة = للجنة, و + الأمم = والأمم.
 */
export function attachClitic(prefix: string, word: string): string {
  if (prefix.endsWith("ال") && word.startsWith("ال")) prefix = prefix.slice(0, -2); // بالـ"الأمم": one article
  if (prefix.endsWith("ل") && word.startsWith("الل")) return prefix + word.slice(2);
  if (prefix.endsWith("ل") && word.startsWith("ال")) return prefix + word.slice(1);
  return prefix + word;
}

// Characters that may stand between a prefix written apart and its word:
// لـ"الإنتربول" لـ’’الإنتربول‘‘ و«الإنتربول» لـ(الإنتربول)
const QUOTE_GAP = /^[\s"'`’‘“”«»„‟‹›‚([]*$/;
const QUOTE_CHAR = /["'`’‘“”«»„‟‹›‚([]/;
const TATWEEL_CHAR = "\u0640";

function makeToken(text: string, run: Run): Token {
  const raw = text.slice(run.start, run.end);
  const kind: TokenKind = run.cls === "A" ? "arabic" : run.cls === "L" ? "latin" : "number";
  let norm = wordKey(raw);
  if (kind === "arabic") {
    // A prefix set off by tatweel inside one run: "لـالإنتربول".
    const cut = raw.indexOf(TATWEEL_CHAR);
    if (cut > 0) {
      const before = wordKey(raw.slice(0, cut));
      const after = wordKey(raw.slice(cut));
      if (after.length > 0 && isCliticPrefix(before)) norm = attachClitic(before, after);
    }
  }
  return { text: raw, norm, start: run.start, end: run.end, kind };
}

/**
 * Cut a text into words. Each token keeps its place in the original text, so
 * a match can be reported (and highlighted) exactly where it was written.
 * A prefix set off from its word by tatweel or quotes (لـ"الإنتربول",
 * و«الإنتربول») is joined to the word it belongs to.
 */
export function tokenize(text: string): Token[] {
  const tokens = scanRuns(text).map((run) => makeToken(text, run));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next && token.kind === "arabic" && next.kind === "arabic" && isCliticPrefix(token.norm)) {
      const gap = text.slice(token.end, next.start);
      const tatweel = token.text.endsWith(TATWEEL_CHAR);
      const quoted = QUOTE_CHAR.test(gap) && !/\s/.test(gap);
      if (QUOTE_GAP.test(gap) && (tatweel || quoted)) {
        out.push({
          text: text.slice(token.start, next.end),
          norm: attachClitic(token.norm, next.norm),
          start: token.start,
          end: next.end,
          kind: "arabic",
        });
        i++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Clitics

const MIN_STEM = 2;

/**
 * Every form a normalised word may have once attached prefixes are taken
 * off, the word itself first: "وللانتربول" gives "للانتربول", "لانتربول",
 * "الانتربول", "انتربول"… Over-generating is harmless: a stem only matters if
 * it is the first word of a phrase being searched for. With
 * `stripArticle: false` the article is kept ("والمنظمة" gives "المنظمة", not
 * "منظمة").
 */
export function cliticStems(word: string, options: { stripArticle?: boolean } = {}): readonly string[] {
  return options.stripArticle === false ? stemsKeepingArticle(word) : stemsStrippingArticle(word);
}

const stemsKeepingArticle = cached((word) => computeStems(word, false));
const stemsStrippingArticle = cached((word) => computeStems(word, true));

function computeStems(word: string, stripArticle: boolean): readonly string[] {
  const stems = new Set<string>([word]);
  const add = (stem: string): void => {
    if (stem.length >= MIN_STEM) stems.add(stem);
  };
  for (const conjunction of ["", "و", "ف"]) {
    if (!word.startsWith(conjunction)) continue;
    const afterConjunction = word.slice(conjunction.length);
    if (conjunction) add(afterConjunction);
    for (const preposition of ["ب", "ك", "ل"]) {
      if (!afterConjunction.startsWith(preposition)) continue;
      const rest = afterConjunction.slice(1);
      add(rest);
      if (preposition === "ل" && rest.startsWith("ل")) {
        // ل + ال: the alef is dropped (للإنتربول), and before a word that
        // itself starts with ل one lam more (للجنة = ل + اللجنة).
        const tail = rest.slice(1);
        if (tail.length >= MIN_STEM) {
          stems.add("ال" + tail);
          stems.add("الل" + tail);
        }
      }
    }
  }
  // A name may be listed without the article it is written with: الإنتربول / إنتربول.
  if (!stripArticle) return Object.freeze([...stems]);
  for (const stem of [...stems]) {
    if (stem.startsWith("ال") && stem.length - 2 >= MIN_STEM) stems.add(stem.slice(2));
  }
  return Object.freeze([...stems]);
}

// ---------------------------------------------------------------------------
// Phrases

/**
 * "text": Arabic compared in normalised form with attached prefixes allowed
 * on the first word, Latin compared ignoring case.
 * "exact": every word as written, case-sensitive (acronyms such as UN, EU).
 */
export type MatchMode = "text" | "exact";

export interface PhraseSpec<K> {
  key: K;
  phrase: string;
  mode?: MatchMode;
}

export interface PhraseMatch<K> {
  key: K;
  /** The phrase (as given to the index) that matched. */
  phrase: string;
  /** The words as written in the text, prefixes included. */
  text: string;
  start: number;
  end: number;
  /** Index of the first token and one past the last token. */
  tokenStart: number;
  tokenEnd: number;
}

interface CompiledPhrase<K> {
  key: K;
  phrase: string;
  mode: MatchMode;
  words: string[];
  /** What stands between word i and word i+1, whitespace removed ("" for a space). */
  gaps: string[];
  order: number;
}

/** What separates two words, compared without spaces and with apostrophe and dash variants folded. */
function gapKey(gap: string): string {
  return stripInvisibles(gap)
    .replace(/\s+/g, "")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—]/g, "-");
}

/** Words of one phrase may be separated by spaces or a single line break, never a blank line. */
const BLANK_LINE = /\n[^\S\n]*\n/;

/** A set of phrases prepared once and searched in any number of texts. */
export class PhraseIndex<K> {
  private readonly byFirstWord = new Map<string, CompiledPhrase<K>[]>();
  private readonly byFirstExact = new Map<string, CompiledPhrase<K>[]>();
  private count = 0;

  constructor(specs: Iterable<PhraseSpec<K>>) {
    for (const spec of specs) this.add(spec);
  }

  /** Number of phrases in the index. */
  get size(): number {
    return this.count;
  }

  private add(spec: PhraseSpec<K>): void {
    const mode = spec.mode ?? "text";
    const tokens = tokenize(spec.phrase);
    if (tokens.length === 0) throw new Error(`phrase has no words: ${JSON.stringify(spec.phrase)}`);
    const words = tokens.map((token) => (mode === "exact" ? exactKey(token.text) : token.norm));
    const gaps = tokens.slice(1).map((token, i) => gapKey(spec.phrase.slice(tokens[i]!.end, token.start)));
    const compiled: CompiledPhrase<K> = { key: spec.key, phrase: spec.phrase, mode, words, gaps, order: this.count++ };
    const map = mode === "exact" ? this.byFirstExact : this.byFirstWord;
    const first = words[0]!;
    const list = map.get(first);
    if (list) list.push(compiled);
    else map.set(first, [compiled]);
  }

  /** Every phrase that matches starting at token `index`. */
  matchesAt(source: TokenizedText, index: number): PhraseMatch<K>[] {
    const token = source.tokens[index];
    if (!token) return [];
    const found: PhraseMatch<K>[] = [];
    const firstKeys = token.kind === "arabic" ? cliticStems(token.norm) : [token.norm];
    for (const first of firstKeys) {
      for (const phrase of this.byFirstWord.get(first) ?? []) this.tryPhrase(source, index, phrase, found);
    }
    if (this.byFirstExact.size > 0) {
      for (const phrase of this.byFirstExact.get(exactKey(token.text)) ?? []) this.tryPhrase(source, index, phrase, found);
    }
    return found;
  }

  private tryPhrase(source: TokenizedText, index: number, phrase: CompiledPhrase<K>, found: PhraseMatch<K>[]): void {
    const { tokens, text } = source;
    const last = index + phrase.words.length - 1;
    if (last >= tokens.length) return;
    for (let k = 1; k < phrase.words.length; k++) {
      const previous = tokens[index + k - 1]!;
      const token = tokens[index + k]!;
      const word = phrase.mode === "exact" ? exactKey(token.text) : token.norm;
      if (word !== phrase.words[k]) return;
      const gap = text.slice(previous.end, token.start);
      if (BLANK_LINE.test(gap) || gapKey(gap) !== phrase.gaps[k - 1]) return;
    }
    const start = tokens[index]!.start;
    const end = tokens[last]!.end;
    found.push({
      key: phrase.key,
      phrase: phrase.phrase,
      text: text.slice(start, end),
      start,
      end,
      tokenStart: index,
      tokenEnd: last + 1,
    });
  }
}

/** Build an index from phrases (plain strings are their own key, in text mode). */
export function buildPhraseIndex<K = string>(phrases: Iterable<PhraseSpec<K>>): PhraseIndex<K>;
export function buildPhraseIndex(phrases: Iterable<string>): PhraseIndex<string>;
export function buildPhraseIndex<K>(phrases: Iterable<PhraseSpec<K> | string>): PhraseIndex<K | string> {
  const specs: PhraseSpec<K | string>[] = [];
  for (const phrase of phrases) specs.push(typeof phrase === "string" ? { key: phrase, phrase } : phrase);
  return new PhraseIndex<K | string>(specs);
}

function toSource(input: string | TokenizedText): TokenizedText {
  return typeof input === "string" ? { text: input, tokens: tokenize(input) } : input;
}

/** Every match of every phrase, overlapping ones included, in text order. */
export function findAllPhrases<K>(input: string | TokenizedText, index: PhraseIndex<K>): PhraseMatch<K>[] {
  const source = toSource(input);
  const all: PhraseMatch<K>[] = [];
  for (let i = 0; i < source.tokens.length; i++) all.push(...index.matchesAt(source, i));
  return all;
}

/**
 * The matches of the phrases in a text where the longest match wins its
 * words: a phrase found inside a longer one is not reported. Longest means
 * most words, then most characters; a tie goes to the earlier match. Results
 * are in text order.
 */
export function findPhrases<K>(input: string | TokenizedText, phrases: PhraseIndex<K>): PhraseMatch<K>[];
export function findPhrases(input: string | TokenizedText, phrases: readonly string[]): PhraseMatch<string>[];
export function findPhrases<K>(
  input: string | TokenizedText,
  phrases: PhraseIndex<K> | readonly string[],
): PhraseMatch<K | string>[] {
  const index: PhraseIndex<K | string> = phrases instanceof PhraseIndex ? phrases : buildPhraseIndex(phrases);
  const source = toSource(input);
  const all = findAllPhrases(source, index);
  const ranked = all
    .map((match, order) => ({ match, order }))
    .sort(
      (a, b) =>
        b.match.tokenEnd - b.match.tokenStart - (a.match.tokenEnd - a.match.tokenStart) ||
        b.match.end - b.match.start - (a.match.end - a.match.start) ||
        a.order - b.order,
    );
  const taken = new Uint8Array(source.tokens.length);
  const kept: PhraseMatch<K | string>[] = [];
  for (const { match } of ranked) {
    let free = true;
    for (let t = match.tokenStart; t < match.tokenEnd; t++) {
      if (taken[t]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, match.tokenStart, match.tokenEnd);
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
