// One content file in, one archive document (or the reasons it cannot be one) out:
// ingest -> text -> enrich, as pure steps over data loaded once per build.
import { decodeBytes } from "../ingest/decode.ts";
import { splitFrontMatter } from "../ingest/frontMatter.ts";
import { parseText } from "../text/parse.ts";
import { renderBlocks, stripBidiControls } from "../text/inline.ts";
import { inferTitle } from "../text/title.ts";
import { parseMarkdown } from "../text/markdown.ts";
import type { FurnitureRules } from "../text/furniture.ts";
import {
  dateInputFromParsedText,
  findStandaloneDate,
  readDocumentDate,
  parseFrontMatterDate,
  type CalendarNames,
} from "../enrich/dates.ts";
import { findDateline } from "../enrich/places.ts";
import { findOrganisations, type OrganisationRegistry } from "../enrich/organisations.ts";
import type { Block, DocumentDate, OrganisationMention, Place, RemovedLine, TitleSource } from "../model.ts";
import { fileNameNotes, slugFromPath, type DocumentFormat } from "./files.ts";

export interface ArchiveData {
  furniture: FurnitureRules;
  calendar: CalendarNames;
  registry: OrganisationRegistry;
  /** The largest file read as a document (site.yaml `maxDocumentMB`). */
  maxDocumentBytes: number;
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

/** The longest title shown in <h1> and <title>; the longest real ones are about 160 characters. */
export const MAX_TITLE_LENGTH = 250;
/** A line longer than this has almost certainly lost its paragraph breaks. */
export const LONG_LINE_LENGTH = 10_000;

/** The error for a file too large to be one document (checked before reading it). */
export function oversizeProblem(file: string, size: number, limit: number): Problem {
  const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return {
    file,
    severity: "error",
    message: `is ${mb(size)}; the largest document the build reads is ${mb(limit)}`,
    fix: "split it into several documents, one file each (or remove it if it is not a document); the limit is `maxDocumentMB` in content/_data/site.yaml",
  };
}

/** A title cut to its opening words, never longer than MAX_TITLE_LENGTH characters. */
export function shortenTitle(title: string): string {
  const opening = inferTitle(title);
  if (opening.length <= MAX_TITLE_LENGTH) return opening;
  const cut = opening.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** Nothing but white space and invisible formatting characters. */
function isBlank(text: string): boolean {
  return /^[\s\p{Cf}]*$/u.test(text);
}

function problem(file: string, severity: Problem["severity"], message: string, fix: string, line?: number): Problem {
  return line === undefined ? { file, severity, message, fix } : { file, line, severity, message, fix };
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
    const [city, country] = stripBidiControls(value).split(/[،,]/).map((part) => part.trim());
    return country ? { city: city ?? value, country } : { city: city ?? value };
  }
  if (typeof value === "object" && value !== null && typeof (value as { city?: unknown }).city === "string") {
    const { city, country } = value as { city: string; country?: unknown };
    const clean = stripBidiControls(city).trim();
    return typeof country === "string" ? { city: clean, country: stripBidiControls(country).trim() } : { city: clean };
  }
  return undefined;
}

function idList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** The lines longer than LONG_LINE_LENGTH, with their file line numbers (found without splitting the text). */
function longLinesOf(body: string, lineOffset: number): { line: number; length: number }[] {
  const found: { line: number; length: number }[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const newline = body.indexOf("\n", start);
    const end = newline < 0 ? body.length : newline;
    if (end - start > LONG_LINE_LENGTH) found.push({ line: lineOffset + index + 1, length: end - start });
    if (newline < 0) return found;
    start = newline + 1;
  }
}

/** Build one document from a file's bytes. Never throws for bad content: it reports problems. */
export function buildDocument(sourcePath: string, format: DocumentFormat, bytes: Uint8Array, data: ArchiveData): DocumentResult {
  const problems: Problem[] = [];
  if (bytes.length > data.maxDocumentBytes) return { document: null, problems: [oversizeProblem(sourcePath, bytes.length, data.maxDocumentBytes)] };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { document: null, problems: [problem(sourcePath, "error", decoded.message, decoded.fix, decoded.line)] };
  for (const warning of decoded.warnings) problems.push(problem(sourcePath, "warning", warning.message, warning.fix, warning.line));
  if (isBlank(decoded.text)) {
    const message = decoded.text === "" ? "is empty: there is nothing to publish" : "has only blank space: there is nothing to publish";
    return { document: null, problems: [...problems, problem(sourcePath, "error", message, "paste the document's text into it, or delete the file")] };
  }

  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return { document: null, problems: [...problems, problem(sourcePath, "error", split.problem, split.fix, split.line)] };
  const front = split.data;
  const keyLine = (key: string): number | undefined => split.keyLines[key];
  for (const key of Object.keys(front)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      problems.push(problem(sourcePath, "warning", `unknown front matter key \`${key}\` is not used`, `use one of: ${FRONT_MATTER_KEYS.join(", ")}`, keyLine(key)));
    }
  }
  for (const key of ["title", "slug", "description"] as const) {
    if (front[key] !== undefined && front[key] !== null && typeof front[key] !== "string") {
      problems.push(problem(sourcePath, "warning", `front matter \`${key}\` is not text, so it is not used`, `write it as text, e.g. \`${key}: "…"\``, keyLine(key)));
    }
  }
  if (isBlank(split.body)) {
    return {
      document: null,
      problems: [...problems, problem(sourcePath, "error", "has front matter but no text after it: there is nothing to publish", "paste the document's text after the closing --- line, or delete the file")],
    };
  }
  const longLines = longLinesOf(split.body, split.bodyLineOffset);
  const firstLong = longLines[0];
  if (firstLong) {
    const more = longLines.length > 1 ? ` (and ${longLines.length - 1} more line${longLines.length > 2 ? "s" : ""} over ${LONG_LINE_LENGTH.toLocaleString("en")})` : "";
    problems.push(
      problem(
        sourcePath,
        "warning",
        `this line has ${firstLong.length.toLocaleString("en")} characters${more}: the text has probably lost its line breaks, and is published as one long paragraph`,
        "compare with the original and put each paragraph on its own line",
        firstLong.line,
      ),
    );
  }

  const { parsed, bodyHtml: markdownHtml, notes: markdownNotes } =
    format === "md" ? parseMarkdown(split.body) : { parsed: parseText(split.body, data.furniture), bodyHtml: "", notes: [] };
  for (const note of markdownNotes) {
    problems.push(problem(sourcePath, "warning", note.message, note.fix, note.line === undefined ? undefined : note.line + split.bodyLineOffset));
  }

  let title = parsed.title;
  let titleSource: TitleSource = parsed.titleSource;
  let titleLine = parsed.titleLine === undefined ? undefined : parsed.titleLine + split.bodyLineOffset;
  if (typeof front.title === "string" && stripBidiControls(front.title).trim() !== "") {
    title = stripBidiControls(front.title).trim();
    titleSource = "front-matter";
    titleLine = keyLine("title");
  }
  if (title.length > MAX_TITLE_LENGTH) {
    const full = title.length;
    title = shortenTitle(title);
    problems.push(
      problem(
        sourcePath,
        "warning",
        `the title is ${full.toLocaleString("en")} characters long (the most is ${MAX_TITLE_LENGTH}); the page shows its opening words instead: "${title.length > 80 ? `${title.slice(0, 79)}…` : title}"`,
        "give the document a short title: a short first line, or `title:` in the front matter",
        titleLine,
      ),
    );
  }
  if (title.trim() === "") {
    return {
      document: null,
      problems: [...problems, problem(sourcePath, "error", "has no text left to make a page from (only page furniture or markup)", "paste the document's text into it, or delete the file")],
    };
  }

  const read = readDocumentDate(dateInputFromParsedText({ ...parsed, title, titleSource }), data.calendar);
  let date = read.date;
  if (read.hijriProblem !== null && front.date === undefined) {
    problems.push(problem(sourcePath, "warning", read.hijriProblem, "compare both dates with the original and correct the wrong one, or set `date:` in the front matter"));
  }
  if (front.date !== undefined) {
    const fromFront = parseFrontMatterDate(front.date, data.calendar);
    if ("error" in fromFront) {
      problems.push(problem(sourcePath, "error", `front matter \`date\`: ${fromFront.error}`, "write the date as YYYY-MM-DD, YYYY-MM or YYYY", keyLine("date")));
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
      problems.push(problem(sourcePath, "error", `front matter \`organisations\` names \`${id}\`, which is not in the organisation registry`, "use an id from content/_data/organisations.yaml, or add the organisation there", keyLine("organisations")));
    } else if (!mentions.some((mention) => mention.id === id)) {
      mentions.push({ id, count: 0 });
    }
  }

  const slugFromFront = typeof front.slug === "string" && front.slug.trim() !== "";
  const slug = slugFromFront ? String(front.slug).trim() : slugFromPath(sourcePath);
  const slugFix = "use lower-case letters, digits and single hyphens, e.g. `interpol-conference-2017`";
  if (!slugFromFront && slug === "") {
    problems.push(problem(sourcePath, "error", "the file name has no letters or digits to make the page's address from", `rename the file, or set \`slug:\` in the front matter (${slugFix})`));
  } else if (/[/\\]|\.\./.test(slug)) {
    problems.push(problem(sourcePath, "error", `slug \`${slug}\` contains \`/\` or \`..\`: a slug is one part of an address, and this one would put the page outside /documents/`, slugFix, keyLine("slug")));
  } else if (!/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(slug)) {
    problems.push(problem(sourcePath, "error", `slug \`${slug}\` cannot be used in a URL`, slugFix, slugFromFront ? keyLine("slug") : undefined));
  } else {
    for (const note of fileNameNotes(sourcePath, `/documents/${slug}/`)) problems.push(problem(sourcePath, "warning", note.message, note.fix));
  }

  // The title, the date's evidence, the place and the removed lines are cut
  // from the file's text, and V8 keeps that whole text alive behind every
  // such slice for as long as the document lives (~10 KB a document, ~100 MB
  // at 10,000). A structured clone gives them storage of their own.
  const metadata = structuredClone({ title, date, place, removed: parsed.removed });
  const document: ArchiveDocument = {
    sourcePath,
    slug,
    url: `/documents/${slug}/`,
    format,
    ...metadata,
    titleSource,
    organisations: mentions,
    bodyHtml: format === "md" ? markdownHtml : renderBlocks(blocks),
    plainText,
  };
  if (typeof front.description === "string" && !isBlank(stripBidiControls(front.description))) {
    document.description = stripBidiControls(front.description).trim();
  }
  const failed = problems.some((entry) => entry.severity === "error");
  return { document: failed ? null : document, problems };
}
