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

/** Escaped HTML of a piece of display text, Latin runs wrapped in <span dir="ltr">. */
export function renderInline(text: string): string {
  const clean = stripBidiControls(text);
  let html = "";
  let from = 0;
  for (const match of clean.matchAll(LATIN_RUN)) {
    html += escapeHtml(clean.slice(from, match.index));
    html += `<span dir="ltr">${escapeHtml(match[0])}</span>`;
    from = match.index + match[0].length;
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
