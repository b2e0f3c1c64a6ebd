// One content file in, one archive document (or the reasons it cannot be one) out:
// ingest -> text -> enrich, as pure steps over data loaded once per build.
import MarkdownIt from "markdown-it";
import { decodeBytes } from "../ingest/decode.ts";
import { splitFrontMatter } from "../ingest/frontMatter.ts";
import { parseText } from "../text/parse.ts";
import { renderBlocks, stripBidiControls } from "../text/inline.ts";
import { inferTitle } from "../text/title.ts";
import type { FurnitureRules } from "../text/furniture.ts";
import {
  dateInputFromParsedText,
  findStandaloneDate,
  inferDocumentDate,
  parseFrontMatterDate,
  type CalendarNames,
} from "../enrich/dates.ts";
import { findDateline } from "../enrich/places.ts";
import { findOrganisations, type OrganisationRegistry } from "../enrich/organisations.ts";
import type { Block, DocumentDate, OrganisationMention, ParsedText, Place, RemovedLine, TitleSource } from "../model.ts";
import { slugFromPath, type DocumentFormat } from "./files.ts";

export interface ArchiveData {
  furniture: FurnitureRules;
  calendar: CalendarNames;
  registry: OrganisationRegistry;
}

export interface Problem {
  file: string;
  line?: number;
  severity: "error" | "warning";
  message: string;
  fix: string;
}

export interface ArchiveDocument {
  sourcePath: string;
  slug: string;
  url: string;
  format: DocumentFormat;
  title: string;
  titleSource: TitleSource;
  description?: string;
  date: DocumentDate;
  place: Place | null;
  organisations: OrganisationMention[];
  blocks: Block[];
  removed: RemovedLine[];
  bodyHtml: string;
  /** The body as plain text in reading order, for excerpts and matching. */
  plainText: string;
}

export interface DocumentResult {
  document: ArchiveDocument | null;
  problems: Problem[];
}

/** Front matter keys a maintainer may set; README "Front matter" documents each. */
export const FRONT_MATTER_KEYS = ["title", "date", "place", "organisations", "not_organisations", "slug", "description"] as const;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function problem(file: string, severity: Problem["severity"], message: string, fix: string, line?: number): Problem {
  return line === undefined ? { file, severity, message, fix } : { file, line, severity, message, fix };
}

/** The words of a Markdown text, paragraph by paragraph, without its markup. */
function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const tokens = markdown.parse(source, {});
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

/** Markdown: the first `# ` heading is the title; the rest renders with markdown-it (raw HTML escaped). */
function parseMarkdown(body: string): { parsed: ParsedText; bodyHtml: string } {
  const clean = stripBidiControls(body);
  const blocks = markdownBlocks(clean);
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
  return { parsed, bodyHtml: markdown.render(rest) };
}

function plainTextOf(blocks: readonly Block[]): string {
  return blocks.map((block) => (block.kind === "list" ? block.items.join("\n") : block.text)).join("\n");
}

/** The standalone date line (e.g. "٦ ديسمبر، ٢٠١٧") is shown in the page header, not again in the body. */
function withoutDateLine(blocks: Block[], date: DocumentDate, calendar: CalendarNames): Block[] {
  if (date.precision === "none" || date.source === "front-matter") return blocks;
  const index = blocks.slice(0, 3).findIndex((block) => {
    if (block.kind !== "paragraph") return false;
    const mention = findStandaloneDate(block.text, calendar);
    return mention !== null && mention.iso === date.iso;
  });
  return index < 0 ? blocks : blocks.filter((_, position) => position !== index);
}

function placeFromFrontMatter(value: unknown): Place | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  if (typeof value === "string") {
    const [city, country] = value.split(/[،,]/).map((part) => part.trim());
    return country ? { city: city ?? value, country } : { city: city ?? value };
  }
  if (typeof value === "object" && value !== null && typeof (value as { city?: unknown }).city === "string") {
    const { city, country } = value as { city: string; country?: unknown };
    return typeof country === "string" ? { city, country } : { city };
  }
  return undefined;
}

function idList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Build one document from a file's bytes. Never throws for bad content: it reports problems. */
export function buildDocument(sourcePath: string, format: DocumentFormat, bytes: Uint8Array, data: ArchiveData): DocumentResult {
  const problems: Problem[] = [];
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { document: null, problems: [problem(sourcePath, "error", decoded.problem, decoded.fix)] };
  for (const warning of decoded.warnings) problems.push(problem(sourcePath, "warning", warning, "save the file as UTF-8"));

  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return { document: null, problems: [...problems, problem(sourcePath, "error", split.problem, split.fix, split.line)] };
  const front = split.data;
  for (const key of Object.keys(front)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      problems.push(problem(sourcePath, "warning", `unknown front matter key \`${key}\` is not used`, `use one of: ${FRONT_MATTER_KEYS.join(", ")}`));
    }
  }

  const { parsed, bodyHtml: markdownHtml } =
    format === "md" ? parseMarkdown(split.body) : { parsed: parseText(split.body, data.furniture), bodyHtml: "" };

  let title = parsed.title;
  let titleSource: TitleSource = parsed.titleSource;
  if (typeof front.title === "string" && front.title.trim() !== "") {
    title = stripBidiControls(front.title.trim());
    titleSource = "front-matter";
  }

  let date = inferDocumentDate(dateInputFromParsedText({ ...parsed, title, titleSource }), data.calendar);
  if (front.date !== undefined) {
    const fromFront = parseFrontMatterDate(front.date, data.calendar);
    if ("error" in fromFront) {
      problems.push(problem(sourcePath, "error", `front matter \`date\`: ${fromFront.error}`, "write the date as YYYY-MM-DD, YYYY-MM or YYYY"));
    } else {
      date = fromFront;
    }
  }

  const bodyLines = parsed.blocks.flatMap((block) => (block.kind === "list" ? block.items : [block.text]));
  const frontPlace = placeFromFrontMatter(front.place);
  const place = frontPlace !== undefined ? frontPlace : findDateline(bodyLines.slice(0, 3), data.calendar);

  const blocks = withoutDateLine(parsed.blocks, date, data.calendar);
  const plainText = plainTextOf(blocks);
  const notOrganisations = new Set(idList(front.not_organisations));
  const mentions = findOrganisations(`${titleSource === "inferred" ? "" : title}\n${plainText}`, data.registry).filter(
    (mention) => !notOrganisations.has(mention.id),
  );
  for (const id of idList(front.organisations)) {
    if (!data.registry.byId.has(id)) {
      problems.push(problem(sourcePath, "error", `front matter \`organisations\` names \`${id}\`, which is not in the organisation registry`, "use an id from content/_data/organisations.yaml, or add the organisation there"));
    } else if (!mentions.some((mention) => mention.id === id)) {
      mentions.push({ id, count: 0 });
    }
  }

  const slug = typeof front.slug === "string" && front.slug.trim() !== "" ? front.slug.trim() : slugFromPath(sourcePath);
  if (!/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(slug)) {
    problems.push(problem(sourcePath, "error", `slug \`${slug}\` cannot be used in a URL`, "use lower-case letters, digits and single hyphens, e.g. `interpol-conference-2017`"));
  }

  const document: ArchiveDocument = {
    sourcePath,
    slug,
    url: `/documents/${slug}/`,
    format,
    title,
    titleSource,
    date,
    place,
    organisations: mentions,
    blocks,
    removed: parsed.removed,
    bodyHtml: format === "md" ? markdownHtml : renderBlocks(blocks),
    plainText,
  };
  if (typeof front.description === "string") document.description = front.description.trim();
  const failed = problems.some((entry) => entry.severity === "error");
  return { document: failed ? null : document, problems };
}
