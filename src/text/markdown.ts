// Markdown documents (.md) to blocks and HTML, with nothing active in them:
// raw HTML is shown as text (markdown-it with html: false escapes it), links
// that would run code (javascript:, vbscript:, file:, data:) are not made, and
// images are not shown (the site publishes text and loads nothing from other
// sites, README "Production output"): each is left as its description. Every
// such change is a note for the maintainer, with the line it is on.
import MarkdownIt from "markdown-it";
import type { Block, ParsedText } from "../model.ts";
import { stripBidiControls } from "./inline.ts";
import { inferTitle } from "./title.ts";

export interface MarkdownNote {
  /** 1-based, in the text given to parseMarkdown. */
  line?: number;
  message: string;
  fix: string;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
type Token = ReturnType<typeof markdown.parse>[number];

// markdown-it asks validateLink about every link, image and autolink address; the addresses it refuses
// (its own list: javascript:, vbscript:, file:, data: but images) are collected for the note.
const allowLink = markdown.validateLink.bind(markdown);
let refusedLinks = new Set<string>();
markdown.validateLink = (url: string): boolean => {
  const allowed = allowLink(url);
  if (!allowed) refusedLinks.add(url);
  return allowed;
};
// An image is its description, as text: no <img>, so no request for it.
markdown.renderer.rules.image = (tokens, index, options, env, renderer) =>
  markdown.utils.escapeHtml(renderer.renderInlineAsText(tokens[index]?.children ?? [], options, env));

/** Braces as entities too, like every other text we render (see src/text/inline.ts). */
function escapeBraces(html: string): string {
  return html.replace(/[{}]/g, (brace) => (brace === "{" ? "&#123;" : "&#125;"));
}

// An opening tag as a writer types it: a name, then a space, `/` or `>` (so `<javascript:…>` and `a < b` are not tags).
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])([^<>]*)>/g;

interface Findings {
  tags: { label: string; line: number }[];
  images: number[];
  lines: { line: number; text: string }[];
}

/** What the parsed tokens hold that will not be active on the page, with lines. */
function findingsOf(tokens: readonly Token[]): Findings {
  const findings: Findings = { tags: [], images: [], lines: [] };
  for (const token of tokens) {
    if (token.type !== "inline") continue;
    const line = (token.map?.[0] ?? 0) + 1;
    const text = (token.children ?? []).filter((child) => child.type === "text").map((child) => child.content).join("");
    findings.lines.push({ line, text: text.toLowerCase() });
    for (const match of text.matchAll(TAG)) {
      const event = /\s(on[a-z]+)\s*=/i.exec(match[2] ?? "")?.[1];
      findings.tags.push({ label: `<${(match[1] ?? "").toLowerCase()}${event ? ` ${event.toLowerCase()}` : ""}>`, line });
    }
    for (const child of token.children ?? []) if (child.type === "image") findings.images.push(line);
  }
  return findings;
}

function notesOf(findings: Findings, refused: readonly string[]): MarkdownNote[] {
  const notes: MarkdownNote[] = [];
  const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  const firstTag = findings.tags[0];
  if (firstTag) {
    const labels = [...new Set(findings.tags.map((tag) => tag.label))].join(", ");
    notes.push({
      line: firstTag.line,
      message: `${plural(findings.tags.length, "raw HTML tag", "raw HTML tags")} (${labels}) ${findings.tags.length === 1 ? "is" : "are"} shown as text, not run`,
      fix: "write the text in Markdown without HTML; markup cannot run on the site",
    });
  }
  if (refused.length > 0) {
    // markdown-it checks reference definitions before the text, so the first line is the least of the lines found.
    const found = refused.flatMap((url) => findings.lines.filter((candidate) => candidate.text.includes(url.toLowerCase())).map((candidate) => candidate.line));
    const line = found.length > 0 ? Math.min(...found) : undefined;
    const scheme = /^[a-z]+:/i.exec(refused[0] ?? "")?.[0].toLowerCase() ?? "such";
    const note: MarkdownNote = {
      message: `${plural(refused.length, `link to a \`${scheme}\` address is`, `links to \`${scheme}\` addresses are`)} not made: they would run code`,
      fix: "remove the link, or link to an https:// address",
    };
    notes.push(line === undefined ? note : { line, ...note });
  }
  const firstImage = findings.images[0];
  if (firstImage !== undefined) {
    notes.push({
      line: firstImage,
      message: `${plural(findings.images.length, "image is", "images are")} not shown: the site publishes text only and loads nothing from other sites; each image's description is shown instead`,
      fix: "describe in words what the image shows, and remove it",
    });
  }
  return notes;
}

/** The words of a Markdown text, paragraph by paragraph, without its markup. */
function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "inline") return;
    const text = (token.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    const opener = tokens[index - 1];
    const line = (opener?.map?.[0] ?? 0) + 1;
    blocks.push(opener?.type === "heading_open" ? { kind: "heading", text, line } : { kind: "paragraph", text, line });
  });
  return blocks;
}

/** Markdown: the first `# ` heading is the title; the rest renders with markdown-it, inert. */
export function parseMarkdown(body: string): { parsed: ParsedText; bodyHtml: string; notes: MarkdownNote[] } {
  const clean = stripBidiControls(body);
  refusedLinks = new Set();
  const tokens = markdown.parse(clean, {});
  const notes = notesOf(findingsOf(tokens), [...refusedLinks]);
  const blocks = blocksOf(tokens);
  const first = blocks[0];
  const hasTitle = first?.kind === "heading" && /^#[ \t]/m.test(clean);
  const heading = /^#[ \t]+.+$/m.exec(clean);
  const rest = hasTitle && heading ? clean.replace(heading[0], "") : clean;
  const titleText = first && first.kind !== "list" ? first.text : "";
  const parsed: ParsedText = {
    title: hasTitle ? titleText : inferTitle(titleText),
    titleSource: hasTitle ? "text" : "inferred",
    blocks: hasTitle ? blocks.slice(1) : blocks,
    removed: [],
  };
  return { parsed, bodyHtml: escapeBraces(markdown.render(rest)), notes };
}
