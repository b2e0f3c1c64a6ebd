// Small predicates about the shape of one line of text: is it a list item,
// how many words, does it end a sentence, could it be a heading. The parser
// combines them with the line's neighbours; nothing here looks beyond a line.

import { isWhiteSpace } from "../arabic/whitespace.ts";

export interface ListMarker {
  ordered: boolean;
  /** The item text with the marker and its spaces removed. */
  text: string;
}

// "•", "-", "*", "–" and similar bullets, or a number in ASCII, Arabic-Indic
// or Persian digits followed by ".", ")" or "-": "1.", "1)", "١.", "١-".
// A space after the marker is required, so "2019-2023" or "1.5" never match.
const BULLET_ITEM = /^\s*[•\-*–·▪◦●‣]\s+(\S.*)$/u;
const NUMBERED_ITEM = /^\s*(?:[0-9]{1,3}|[٠-٩]{1,3}|[۰-۹]{1,3})\s*[.)\-–]\s+(\S.*)$/u;

/** The list marker of a line, or undefined when the line is not a list item. */
export function listMarker(line: string): ListMarker | undefined {
  const numbered = NUMBERED_ITEM.exec(line);
  if (numbered?.[1] !== undefined) return { ordered: true, text: numbered[1].trim() };
  const bullet = BULLET_ITEM.exec(line);
  if (bullet?.[1] !== undefined) return { ordered: false, text: bullet[1].trim() };
  return undefined;
}

export function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== "");
}

/** words(text).length, counted without building the list. */
export function wordCount(text: string): number {
  return countWords(text, Infinity);
}

/** Whether a text has at most `most` words (a long line is not counted to its end). */
export function hasAtMostWords(text: string, most: number): boolean {
  return countWords(text, most) <= most;
}

/** The number of words of a text, or a number above `enough` once there are more than `enough`. */
function countWords(text: string, enough: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord && ++count > enough) return count;
    inWord = !space;
  }
  return count;
}

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF]/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;

export function hasArabicLetter(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** Words containing an Arabic letter. */
export function arabicWordCount(text: string): number {
  return words(text).filter((word) => ARABIC_LETTER.test(word)).length;
}

/**
 * Mostly figures, like a date line "٦ ديسمبر، ٢٠١٧" or "2019 - 2023": at least
 * as many words with digits as Arabic words. Such a line is never a heading.
 */
export function isFigureLine(text: string): boolean {
  const withDigits = words(text).filter((word) => DIGIT.test(word)).length;
  return withDigits > 0 && withDigits >= arabicWordCount(text);
}

// Sentence stops and clause marks that a heading does not end with.
const NON_HEADING_END = /[.!…:؛;،,\-–—]$/u;
const QUESTION_END = /[؟?]$/u;
// A sentence stop followed by more text inside the line: more than one sentence.
const INNER_SENTENCE_END = /[.!?؟](?:["»’‘”“)]*)\s+\S/u;

/** More than one sentence on the line. */
export function hasInnerSentenceEnd(text: string): boolean {
  return INNER_SENTENCE_END.test(text);
}

export function endsWithQuestionMark(text: string): boolean {
  return QUESTION_END.test(text);
}

export function endsClauseOrSentence(text: string): boolean {
  return NON_HEADING_END.test(text);
}

/** Most words a statement heading may have; a heading is a label, not a sentence. */
export const MAX_HEADING_WORDS = 10;
/** Most words of an interview question used as a heading. */
export const MAX_QUESTION_WORDS = 25;

/**
 * A short Arabic label: at most MAX_HEADING_WORDS words, one sentence, not a
 * figure line, not ending in a full stop, colon or comma. Lines with no
 * Arabic letter ("Human trafficking INTERPOL") are not headings: in these
 * archives they are residue of logos, banners or alt text, not section titles.
 */
export function isHeadingShaped(text: string): boolean {
  return (
    hasArabicLetter(text) &&
    hasAtMostWords(text, MAX_HEADING_WORDS) &&
    !endsClauseOrSentence(text) &&
    !endsWithQuestionMark(text) &&
    !hasInnerSentenceEnd(text) &&
    !isFigureLine(text)
  );
}

/** A single-sentence Arabic question, as interviewers' questions are. */
export function isQuestionShaped(text: string): boolean {
  return (
    hasArabicLetter(text) &&
    endsWithQuestionMark(text) &&
    hasAtMostWords(text, MAX_QUESTION_WORDS) &&
    !hasInnerSentenceEnd(text)
  );
}
