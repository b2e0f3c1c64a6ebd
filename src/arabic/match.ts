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

import { memoize, WORD_CACHE_LIMIT } from "./memo.ts";
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

// The tokenizer works with the classes as small numbers, and looks the class
// of a BMP character up in a table filled by classify() the first time the
// character is met.
const CLASS_NUMBERS: Readonly<Record<CharClass, number>> = { A: 1, L: 2, D: 3, M: 4, J: 5, X: 6 }; // 0: not known yet
const A = 1;
const L = 2;
const D = 3;
const M = 4;
const J = 5;
const bmpClasses = new Uint8Array(0x10000);

function classNumber(cls: CharClass): number {
  return CLASS_NUMBERS[cls];
}

function bmpClass(text: string, index: number, code: number): number {
  let known = bmpClasses[code]!;
  if (known === 0) {
    known = classNumber(classify(text[index] ?? "", code));
    bmpClasses[code] = known;
  }
  return known;
}

/** Whether a character of class `next` (A, L or D) continues a run that so far has class `run`. */
function continuesRun(run: number, next: number): boolean {
  if (run === A) return next === A; // Arabic letters never join digits or Latin
  return next !== A; // Latin letters and digits form one word: G20, 24x7
}

// Word-level results are cached (see memo.ts): a corpus uses a few tens of
// thousands of distinct words, and normalising or stemming each occurrence
// again is most of the cost of matching.
const cached = memoize;

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
  // (At most five letters: conjunction, لل, ال.)
  return fragment.length > 0 && fragment.length <= 5 && CLITIC_ONLY.test(fragment);
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

/** The comparison form of an Arabic run, with a prefix set off by tatweel inside it joined on: "لـالإنتربول". */
const arabicRunKey = cached((raw) => {
  const norm = wordKey(raw);
  const cut = raw.indexOf(TATWEEL_CHAR);
  if (cut > 0) {
    const before = wordKey(raw.slice(0, cut));
    const after = wordKey(raw.slice(cut));
    if (after.length > 0 && isCliticPrefix(before)) return attachClitic(before, after);
  }
  return norm;
});

/** The comparison form of a run of the text (its kind follows from its characters). */
type RunReader = (raw: string, kind: TokenKind) => string;

const readRun: RunReader = (raw, kind) => (kind === "arabic" ? arabicRunKey(raw) : wordKey(raw));

function makeToken(text: string, start: number, end: number, cls: number, read: RunReader): Token {
  const raw = text.slice(start, end);
  const kind: TokenKind = cls === A ? "arabic" : cls === L ? "latin" : "number";
  return { text: raw, norm: read(raw, kind), start, end, kind };
}

/**
 * The runs of a text as tokens: a run is letters of one script (Latin letters
 * and digits together), with the marks and invisible characters inside it.
 */
function scanTokens(text: string, read: RunReader = readRun): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let start = -1; // no run open
  let end = 0;
  let runClass = A;
  let index = 0;
  while (index < length) {
    let code = text.charCodeAt(index);
    let cls: number;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (width === 1) cls = bmpClasses[code] || bmpClass(text, index, code);
    else cls = classNumber(classify(text.slice(index, index + 2), code));
    if (cls === M) {
      if (start >= 0) end = index + width;
    } else if (cls === J) {
      // An invisible character inside a word keeps the word whole; its end is
      // only moved by the next real character.
    } else if (cls > J) {
      // A boundary (X).
      if (start >= 0) tokens.push(makeToken(text, start, end, runClass, read));
      start = -1;
    } else if (start >= 0 && continuesRun(runClass, cls)) {
      // Right after the run, or after invisible characters only: anything
      // else between would have ended the run (X) or extended it (M).
      end = index + width;
      if (runClass === D && cls === L) runClass = L;
    } else {
      if (start >= 0) tokens.push(makeToken(text, start, end, runClass, read));
      start = index;
      end = index + width;
      runClass = cls;
    }
    index += width;
  }
  if (start >= 0) tokens.push(makeToken(text, start, end, runClass, read));
  return tokens;
}

/**
 * Join a prefix set off from its word by tatweel or quotes to the word. The
 * positions (in the result) of the tokens joined are added to `joined`.
 */
function joinPrefixes(text: string, tokens: Token[], joined?: number[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next && token.kind === "arabic" && next.kind === "arabic" && isCliticPrefix(token.norm)) {
      const gap = text.slice(token.end, next.start);
      const tatweel = token.text.endsWith(TATWEEL_CHAR);
      const quoted = QUOTE_CHAR.test(gap) && !/\s/.test(gap);
      if (QUOTE_GAP.test(gap) && (tatweel || quoted)) {
        joined?.push(out.length);
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

/**
 * Cut a text into words. Each token keeps its place in the original text, so
 * a match can be reported (and highlighted) exactly where it was written.
 * A prefix set off from its word by tatweel or quotes (لـ"الإنتربول",
 * و«الإنتربول») is joined to the word it belongs to.
 */
export function tokenize(text: string): Token[] {
  return joinPrefixes(text, scanTokens(text));
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
  /**
   * Also find the phrase with the space between two of its Arabic words lost
   * (مكتبالأمم المتحدة, الأممالمتحدة), as text scraped from web pages often
   * has it where markup stood between words. One lost space per match.
   */
  glued?: boolean;
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

/** (Shared by every word that starts no phrase.) */
const NO_PHRASES: readonly never[] = Object.freeze([]);

/** A set of phrases prepared once and searched in any number of texts. */
export class PhraseIndex<K> {
  private readonly byFirstWord = new Map<string, CompiledPhrase<K>[]>();
  private readonly byFirstExact = new Map<string, CompiledPhrase<K>[]>();
  /** The text-mode phrases an Arabic word may start, over all its stems in order (a memo of byFirstWord). */
  private readonly startsOfArabic = new Map<string, readonly CompiledPhrase<K>[]>();
  /** Each run of text met by scan(): its comparison form and startsAt(). */
  private readonly runs = new Map<string, { norm: string; starts: readonly CompiledPhrase<K>[] }>();
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
    this.register(compiled);
    if (spec.glued && mode === "text") {
      for (let j = 0; j + 1 < words.length; j++) {
        if (gaps[j] !== "" || tokens[j]!.kind !== "arabic" || tokens[j + 1]!.kind !== "arabic") continue;
        this.register({
          ...compiled,
          words: [...words.slice(0, j), words[j]! + words[j + 1]!, ...words.slice(j + 2)],
          gaps: [...gaps.slice(0, j), ...gaps.slice(j + 1)],
        });
      }
    }
  }

  private register(compiled: CompiledPhrase<K>): void {
    const map = compiled.mode === "exact" ? this.byFirstExact : this.byFirstWord;
    const first = compiled.words[0]!;
    const list = map.get(first);
    if (list) list.push(compiled);
    else map.set(first, [compiled]);
  }

  /** Every phrase that matches starting at token `index`. */
  matchesAt(source: TokenizedText, index: number): PhraseMatch<K>[] {
    const found: PhraseMatch<K>[] = [];
    this.collectAt(source, index, found);
    return found;
  }

  /** matchesAt(), added to `found`. */
  collectAt(source: TokenizedText, index: number, found: PhraseMatch<K>[]): void {
    const token = source.tokens[index];
    if (!token) return;
    for (const phrase of this.startsAt(token.text, token.norm, token.kind)) this.tryPhrase(source, index, phrase, found);
  }

  /**
   * Tokenize a text and find every match in it, as findAllPhrases() does,
   * with one look-up per word: a run of the text is read (comparison form
   * and the phrases that may start at it) once per distinct run, its kind
   * following from its characters.
   */
  scan(text: string): { source: TokenizedText; matches: PhraseMatch<K>[] } {
    const runStarts: (readonly CompiledPhrase<K>[])[] = [];
    const read: RunReader = (raw, kind) => {
      let reading = this.runs.get(raw);
      if (reading === undefined) {
        const norm = readRun(raw, kind);
        reading = { norm, starts: this.startsAt(raw, norm, kind) };
        if (this.runs.size >= WORD_CACHE_LIMIT) this.runs.clear();
        this.runs.set(raw, reading);
      }
      runStarts.push(reading.starts);
      return reading.norm;
    };
    const joined: number[] = [];
    const tokens = joinPrefixes(text, scanTokens(text, read), joined);
    const source: TokenizedText = { text, tokens };
    const matches: PhraseMatch<K>[] = [];
    let run = 0; // index of the token's (first) run
    let nextJoined = 0; // index in `joined`
    for (let i = 0; i < tokens.length; i++) {
      let starts: readonly CompiledPhrase<K>[];
      if (joined[nextJoined] === i) {
        // A prefix joined to its word: two runs, one token.
        const token = tokens[i]!;
        starts = this.startsAt(token.text, token.norm, token.kind);
        nextJoined++;
        run += 2;
      } else {
        starts = runStarts[run]!;
        run++;
      }
      for (let k = 0; k < starts.length; k++) this.tryPhrase(source, i, starts[k]!, matches);
    }
    return { source, matches };
  }

  /** The phrases that may start at a word: text-mode ones by its stems, in order, then exact ones. */
  private startsAt(text: string, norm: string, kind: TokenKind): readonly CompiledPhrase<K>[] {
    const byText = kind === "arabic" ? this.arabicStarts(norm) : (this.byFirstWord.get(norm) ?? NO_PHRASES);
    if (this.byFirstExact.size === 0) return byText;
    const exact = this.byFirstExact.get(exactKey(text));
    if (!exact) return byText;
    return byText.length === 0 ? exact : [...byText, ...exact];
  }

  /** The phrases whose first word is one of the clitic stems of `norm`, stem by stem. */
  private arabicStarts(norm: string): readonly CompiledPhrase<K>[] {
    let phrases = this.startsOfArabic.get(norm);
    if (phrases === undefined) {
      const list: CompiledPhrase<K>[] = [];
      for (const first of cliticStems(norm)) list.push(...(this.byFirstWord.get(first) ?? []));
      phrases = list.length === 0 ? NO_PHRASES : list;
      if (this.startsOfArabic.size >= WORD_CACHE_LIMIT) this.startsOfArabic.clear();
      this.startsOfArabic.set(norm, phrases);
    }
    return phrases;
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
      if (gap !== " " && (BLANK_LINE.test(gap) || gapKey(gap) !== phrase.gaps[k - 1])) return;
      if (gap === " " && phrase.gaps[k - 1] !== "") return;
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

/** Every match of every phrase, overlapping ones included, in text order. */
export function findAllPhrases<K>(input: string | TokenizedText, index: PhraseIndex<K>): PhraseMatch<K>[] {
  if (typeof input === "string") return index.scan(input).matches;
  const source = input;
  const all: PhraseMatch<K>[] = [];
  for (let i = 0; i < source.tokens.length; i++) index.collectAt(source, i, all);
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
  const { source, matches: all } =
    typeof input === "string" ? index.scan(input) : { source: input, matches: findAllPhrases(input, index) };
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
