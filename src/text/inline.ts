// Display text to HTML. All text is escaped (so markup or template syntax in
// a document is shown, never run), bidi control characters are removed, and
// Latin runs inside Arabic sentences are isolated in <span dir="ltr"> so that
// "I-24/7" or "A/RES/68/192" keep their order on a right-to-left page.

import type { Block } from "../model.ts";
import { stripBidiControls } from "./bidi.ts";

export { stripBidiControls } from "./bidi.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // Braces too: "{{ … }}" and "{% … %}" stay inert even if the HTML is ever
  // passed through a template engine again.
  "{": "&#123;",
  "}": "&#125;",
};

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (char) => ESCAPES[char] ?? char);
}

// A Latin run starts at a Latin letter and goes on over Latin letters (with
// their combining accents) and digits; "-", "/", ".", "'", "’", ":" and a
// space belong to the run only when a Latin letter or digit follows them, so
// the run never takes trailing punctuation ("I-24/7،" -> "I-24/7") or the
// space before an Arabic word ("Epervier II وSTOP" -> "Epervier II").
const LATIN_RUN = /\p{Script=Latin}(?:[\p{Script=Latin}\p{M}0-9]|[-/.'’: ](?=[\p{Script=Latin}0-9]))*/gu;

// A Latin run starts at the first Latin letter from where the last one
// ended: that letter is found with a plain search (much quicker than trying
// the whole pattern at every position), the run read from it with LATIN_RUN.
const LATIN_LETTER = /\p{Script=Latin}/gu;
const LATIN_RUN_HERE = new RegExp(LATIN_RUN.source, "uy");

/**
 * Whether a text is its own HTML: no character to escape, no bidi control and
 * no letter that may be Latin. Checked code unit by code unit against what
 * Arabic text is made of (ASCII other than letters and & < > " ' { }, the
 * Arabic block, Latin-1 punctuation, general punctuation); anything else
 * takes the general way.
 */
export function isPlainArabic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x7b) {
        if (code !== 0x7c && code !== 0x7e && code !== 0x7f) return false; // { }
      } else if (code >= 0x41) {
        if (code <= 0x5a || code >= 0x61) return false; // A-Z a-z
      } else if (code === 0x26 || code === 0x3c || code === 0x3e || code === 0x22 || code === 0x27) {
        return false; // & < > " '
      }
    } else if (code >= 0x0600 && code <= 0x06ff) {
      if (code === 0x061c) return false; // Arabic letter mark
    } else if (code <= 0xbf) {
      if (code === 0xaa || code === 0xba) return false; // ª º
    } else if (code >= 0x2000 && code <= 0x2065) {
      if (code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** Escaped HTML of a piece of display text, Latin runs wrapped in <span dir="ltr">. */
export function renderInline(text: string): string {
  if (isPlainArabic(text)) return text;
  const clean = stripBidiControls(text);
  let html = "";
  let from = 0;
  LATIN_LETTER.lastIndex = 0;
  for (let letter = LATIN_LETTER.exec(clean); letter !== null; letter = LATIN_LETTER.exec(clean)) {
    LATIN_RUN_HERE.lastIndex = letter.index;
    const run = LATIN_RUN_HERE.exec(clean)?.[0] ?? letter[0];
    html += escapeHtml(clean.slice(from, letter.index));
    html += `<span dir="ltr">${escapeHtml(run)}</span>`;
    from = letter.index + run.length;
    LATIN_LETTER.lastIndex = from;
  }
  return html + escapeHtml(clean.slice(from));
}

/** Semantic HTML for a document's blocks, one element per block, one per line. */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks.map(renderBlock).join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${renderInline(block.text)}</p>`;
    case "heading":
      return `<h2>${renderInline(block.text)}</h2>`;
    case "standfirst":
      return `<p class="standfirst">${renderInline(block.text)}</p>`;
    case "caption":
      return `<p class="caption">${renderInline(block.text)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const items = block.items.map((item) => `<li>${renderInline(item)}</li>`).join("");
      return `<${tag}>${items}</${tag}>`;
    }
  }
}
