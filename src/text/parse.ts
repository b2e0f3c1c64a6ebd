// The body of a raw text file to a ParsedText: title, blocks in reading
// order, and the furniture lines left out. Every non-blank line of the body
// ends up in exactly one place: the title, a block (a list item counts) or
// `removed`.
//
// Lines are the unit: texts copied from web pages put each paragraph on its
// own line, whether or not blank lines separate them (seeds 000, 003 and 004
// use blank lines; 001 and 002 do not), so each non-blank line is one
// paragraph, heading, caption, standfirst or list item.

import type { Block, ParsedText, RemovedLine } from "../model.ts";
import { normalizeArabic } from "../arabic/normalize.ts";
import { stripBidiControls } from "./bidi.ts";
import { matchCleanLine, type FurnitureRules } from "./furniture.ts";
import { typesetQuotes } from "./quotes.ts";
import {
  endsWithQuestionMark,
  hasArabicLetter,
  hasInnerSentenceEnd,
  isFigureLine,
  isHeadingShaped,
  isQuestionShaped,
  listMarker,
  wordCount,
  type ListMarker,
} from "./shape.ts";
import { DATELINE_PATTERN, inferTitle } from "./title.ts";

/** A non-blank line that is content, with what its neighbours say about it. */
interface ContentLine {
  line: number;
  text: string;
  marker: ListMarker | undefined;
  /** Comes right after image residue: the image's caption. */
  caption: boolean;
  /** A blank line (or the end of the text) follows it. */
  gapAfter: boolean;
}

interface ScannedLines {
  content: ContentLine[];
  removed: RemovedLine[];
}

interface PendingImage {
  caption: string | undefined;
  /** No blank line since the image residue. */
  adjacent: boolean;
}

/** Most words a title line may have. */
const MAX_TITLE_WORDS = 30;
/** Most words of a standfirst; longer is an ordinary paragraph. */
const MAX_STANDFIRST_WORDS = 30;
/** A standfirst this long is a sentence, too long to be a section heading. */
const MIN_STANDFIRST_WORDS = 8;
const CLAUSE_END = /[:：،,؛;]$/u;
const FULL_STOP_END = /[.!]["»’‘”“)]*$/u;
const LETTER = /\p{L}/u;

export function parseText(body: string, rules: FurnitureRules): ParsedText {
  const { content, removed } = scanLines(body, rules);
  const first = content[0];
  if (first !== undefined && isTextTitle(first, content.slice(1))) {
    return {
      title: typesetQuotes(first.text),
      titleSource: "text",
      titleLine: first.line,
      blocks: buildBlocks(content.slice(1), true),
      removed,
    };
  }
  return { title: inferredTitle(content), titleSource: "inferred", blocks: buildBlocks(content, false), removed };
}

// ---------------------------------------------------------------- lines

function scanLines(body: string, rules: FurnitureRules): ScannedLines {
  const content: ContentLine[] = [];
  const removed: RemovedLine[] = [];
  let image: PendingImage | undefined;
  body.split("\n").forEach((raw, index) => {
    const text = stripBidiControls(raw).trim();
    const line = index + 1;
    const last = content[content.length - 1];
    if (text === "") {
      if (last) last.gapAfter = true;
      if (image) image.adjacent = false;
      return;
    }
    const furniture = matchCleanLine(text, rules);
    if (furniture) {
      removed.push({ line, text, rule: furniture.rule });
      image = furniture.image ? { caption: furniture.caption, adjacent: true } : undefined;
      return;
    }
    const marker = listMarker(text);
    content.push({ line, text, marker, caption: !marker && isCaptionOf(image, text), gapAfter: false });
    image = undefined;
  });
  const last = content[content.length - 1];
  if (last) last.gapAfter = true;
  return { content, removed };
}

/** The line right after image residue, or one starting with the residue's caption words. */
function isCaptionOf(image: PendingImage | undefined, text: string): boolean {
  if (!image) return false;
  if (image.adjacent) return wordCount(text) <= MAX_STANDFIRST_WORDS && !hasInnerSentenceEnd(text);
  return image.caption !== undefined && normalizeArabic(text).startsWith(normalizeArabic(image.caption));
}

// ---------------------------------------------------------------- title

/**
 * The first line is the title when it is one sentence of at most
 * MAX_TITLE_WORDS words, more text follows, and either
 *  - it stands alone (a blank line after it) and, if it ends in a full stop,
 *    it is clearly shorter than the paragraph that follows (at most half its
 *    words: seed 003's long title ending in "." against its long opening
 *    paragraph), and it does not open with a news dateline "city (country) -"
 *    (a dateline starts a story's first paragraph, never its headline); or
 *  - it runs straight into the next line but is a short label (heading-shaped)
 *    followed by body text.
 * A first line that runs straight on into more body lines (seeds 001 and 002)
 * is the body's first paragraph.
 */
function isTextTitle(first: ContentLine, rest: readonly ContentLine[]): boolean {
  const next = rest[0];
  if (next === undefined || first.marker || first.caption || !LETTER.test(first.text)) return false;
  const text = first.text;
  if (wordCount(text) > MAX_TITLE_WORDS || hasInnerSentenceEnd(text) || CLAUSE_END.test(text)) return false;
  if (isFigureLine(text)) return false;
  if (!first.gapAfter) return isHeadingShaped(text) && isBodyLine(next);
  if (!FULL_STOP_END.test(text)) return true;
  if (DATELINE_PATTERN.test(text)) return false;
  const following = rest.find((line) => !line.marker && !line.caption);
  return following !== undefined && wordCount(text) * 2 <= wordCount(following.text);
}

/** A title from the opening of the first line that reads as prose (not a list item or date). */
function inferredTitle(content: readonly ContentLine[]): string {
  const prose = content.find((line) => !line.marker && !line.caption && wordCount(line.text) >= 4 && hasArabicLetter(line.text));
  const source = prose ?? content[0];
  if (source === undefined) return "";
  return inferTitle(typesetQuotes(source.marker ? source.marker.text : source.text));
}

// ---------------------------------------------------------------- blocks

function buildBlocks(lines: readonly ContentLine[], underTextTitle: boolean): Block[] {
  const blocks: Block[] = [];
  lines.forEach((current, index) => {
    const next = lines[index + 1];
    if (current.marker) {
      addListItem(blocks, current.line, current.marker);
      return;
    }
    const text = typesetQuotes(current.text);
    const line = current.line;
    if (current.caption) blocks.push({ kind: "caption", text, line });
    else if (index === 0 && underTextTitle && isStandfirst(current, next)) blocks.push({ kind: "standfirst", text, line });
    else if (isHeading(current, next)) blocks.push({ kind: "heading", text, line });
    else blocks.push({ kind: "paragraph", text, line });
  });
  return blocks;
}

/**
 * List items join the list just before them when nothing but blank lines (or
 * removed furniture) separates them and both are ordered or both bulleted.
 */
function addListItem(blocks: Block[], line: number, marker: ListMarker): void {
  const text = typesetQuotes(marker.text);
  const last = blocks[blocks.length - 1];
  if (last?.kind === "list" && last.ordered === marker.ordered) {
    last.items.push(text);
    return;
  }
  blocks.push({ kind: "list", ordered: marker.ordered, items: [text], line });
}

/**
 * A heading is a short standalone label (or an interviewer's question ending
 * in "؟") that body text follows. A heading-shaped line followed by another
 * heading-shaped line, or by nothing, stays a paragraph: a heading introduces
 * text, and we would rather show a short paragraph than invent a section.
 */
function isHeading(current: ContentLine, next: ContentLine | undefined): boolean {
  if (!isHeadingShaped(current.text) && !isQuestionShaped(current.text)) return false;
  return next !== undefined && isBodyLine(next);
}

function isBodyLine(line: ContentLine): boolean {
  if (line.marker) return true;
  return !line.caption && !isHeadingShaped(line.text) && !isQuestionShaped(line.text);
}

/**
 * The standfirst (the summary line news pages put under a headline, seed
 * 004's "نقوم بتدريب وتجهيز الشرطة ...") is the first line under a title
 * taken from the text when it stands alone, is one sentence of at most
 * MAX_STANDFIRST_WORDS words that does not end in a colon or comma, and is not
 * a question or a date line. To tell it from a section heading placed right
 * under the title, it must also either be sentence-length (at least
 * MIN_STANDFIRST_WORDS words; the seeds' headings have at most six) or have
 * no body text of its own (the next line is itself heading-shaped, as in
 * seed 004, so it cannot be a heading introducing that text).
 */
function isStandfirst(current: ContentLine, next: ContentLine | undefined): boolean {
  const text = current.text;
  if (!current.gapAfter || !hasArabicLetter(text) || isFigureLine(text)) return false;
  if (endsWithQuestionMark(text) || CLAUSE_END.test(text) || hasInnerSentenceEnd(text)) return false;
  const count = wordCount(text);
  if (count > MAX_STANDFIRST_WORDS) return false;
  return count >= MIN_STANDFIRST_WORDS || (next !== undefined && !next.marker && !isBodyLine(next));
}
