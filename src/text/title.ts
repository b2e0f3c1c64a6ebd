// A short title made from the opening sentence of a text that has none, e.g.
// "بوينس آيرس (الأرجنتين) - يجتمع في الأرجنتين هذا الأسبوع خبراء ..." gives
// "يجتمع في الأرجنتين هذا الأسبوع خبراء من العالم أجمع للتفكير في سبل…".

import { words } from "./shape.ts";

export const MAX_INFERRED_TITLE_WORDS = 12;
/** A clause cut shorter than this reads as a fragment; cut by words instead. */
const MIN_CLAUSE_WORDS = 4;
const ELLIPSIS = "…";

// "city (country) -" or "city -" opening a news story: at most four words,
// an optional bracketed country, then a dash with a space after it.
export const DATELINE_PATTERN = /^(?:[^\s()\-–—]+\s+){0,3}[^\s()\-–—]+\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s+/u;
const SENTENCE_END = /[.!?؟](?=["»’‘”“)]*(?:\s|$))/u;
const CLAUSE_END = /[،,؛;:]$/u;
const TRAILING_MARKS = /[\s.!?؟،,؛;:\-–—…]+$/u;

// Words a title should not end on: prepositions, conjunctions, relatives.
const DANGLING_WORDS = new Set([
  "في", "من", "إلى", "الى", "على", "عن", "مع", "و", "أو", "او", "ثم", "بين", "حول", "عبر",
  "التي", "الذي", "الذين", "اللتين", "اللذين", "اللواتي", "أن", "إن", "أنّ", "إنّ", "لا", "لم", "لن",
  "قد", "كما", "حيث", "بعد", "قبل", "خلال", "منذ", "حتى", "ضد", "لدى", "نحو", "هذا", "هذه", "ذلك", "تلك",
]);

/** Remove a leading dateline such as "الدوحة (قطر) - ". */
export function stripDateline(text: string): string {
  const match = DATELINE_PATTERN.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length);
  return rest.trim() === "" ? text : rest;
}

/** The text up to its first sentence stop (the stop itself excluded). */
export function firstSentence(text: string): string {
  const match = SENTENCE_END.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** A title of at most MAX_INFERRED_TITLE_WORDS words from the opening of a text. */
export function inferTitle(text: string): string {
  const sentence = firstSentence(stripDateline(text.trim())).trim();
  const sentenceWords = words(sentence);
  if (sentenceWords.length <= MAX_INFERRED_TITLE_WORDS) return tidy(sentence);
  const cut = cutAtClause(sentenceWords) ?? cutAtWords(sentenceWords);
  return tidy(cut.join(" ")) + ELLIPSIS;
}

/** The longest run of opening words ending at a comma or other clause mark, if long enough. */
function cutAtClause(sentenceWords: readonly string[]): string[] | undefined {
  for (let end = MAX_INFERRED_TITLE_WORDS; end >= MIN_CLAUSE_WORDS; end -= 1) {
    const last = sentenceWords[end - 1];
    if (last !== undefined && CLAUSE_END.test(last)) return sentenceWords.slice(0, end);
  }
  return undefined;
}

/** The first MAX_INFERRED_TITLE_WORDS words, without dangling function words at the end. */
function cutAtWords(sentenceWords: readonly string[]): string[] {
  const kept = sentenceWords.slice(0, MAX_INFERRED_TITLE_WORDS);
  while (kept.length > MIN_CLAUSE_WORDS && DANGLING_WORDS.has(kept[kept.length - 1] ?? "")) kept.pop();
  return kept;
}

/** Trailing punctuation off, and unmatched opening « or ( removed. */
function tidy(text: string): string {
  return dropUnmatchedOpeners(text.replace(TRAILING_MARKS, "")).replace(TRAILING_MARKS, "");
}

function dropUnmatchedOpeners(text: string): string {
  let result = text;
  for (const [open, close] of [["«", "»"], ["(", ")"]] as const) {
    while (count(result, open) > count(result, close)) {
      const at = result.lastIndexOf(open);
      result = (result.slice(0, at) + result.slice(at + 1)).replace(/\s{2,}/gu, " ");
    }
  }
  return result.trim();
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
