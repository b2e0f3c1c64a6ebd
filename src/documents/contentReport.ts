// The content report a maintainer reads before committing (`npm run check`):
// what the pipeline read out of each file, and what deserves a second look.
import { findCandidateOrganisations, type OrganisationRegistry } from "../enrich/organisations.ts";
import type { ArchiveScan } from "./archive.ts";
import { displayPath } from "./files.ts";
import type { ArchiveDocument, Problem } from "./pipeline.ts";

export interface ReportEntry {
  file: string;
  status: string;
  lines: string[];
  notes: string[];
}

const TITLE_SOURCES = { "front-matter": "from front matter", text: "from the text", inferred: "INFERRED from the first sentence" } as const;

function describeDate(document: ArchiveDocument): string {
  const { date } = document;
  if (date.precision === "none") return "none (undated: listed in the timeline's undated section)";
  const evidence = date.evidence ? `, read from "${date.evidence}"` : "";
  return `${date.iso} (precision ${date.precision}, ${date.source}${evidence})`;
}

function problemLine(problem: Problem): string {
  const where = problem.line === undefined ? displayPath(problem.file) : `${displayPath(problem.file)}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}. Fix: ${problem.fix}`;
}

export function documentEntry(document: ArchiveDocument, registry: OrganisationRegistry): ReportEntry {
  const organisations = document.organisations.map(({ id, count }) => `${id} ×${count}`).join(", ");
  const notes: string[] = [];
  if (document.date.precision === "none") notes.push("no date found: add `date:` to the front matter if the text has one");
  if (document.titleSource === "inferred") notes.push("title inferred from the first sentence: add `title:` to the front matter for a better one");
  const candidates = findCandidateOrganisations(`${document.title}\n${document.plainText}`, registry);
  if (candidates.length > 0) {
    notes.push(`possible organisations not in the registry: ${candidates.join("، ")} (add them to content/_data/organisations.yaml if they are)`);
  }
  return {
    file: document.sourcePath,
    status: `published at ${document.url}`,
    lines: [
      `title: ${document.title} (${TITLE_SOURCES[document.titleSource]})`,
      `date: ${describeDate(document)}`,
      `place: ${document.place ? [document.place.city, document.place.country].filter(Boolean).join("، ") : "none"}`,
      `organisations: ${organisations || "none"}`,
      ...(document.removed.length > 0 ? [`furniture removed: ${document.removed.map((line) => `"${line.text}"`).join(", ")}`] : []),
    ],
    notes,
  };
}

export function contentReport(scan: ArchiveScan, registry: OrganisationRegistry): ReportEntry[] {
  return scan.fates.map((fate) => {
    const document = scan.byPath.get(fate.file);
    const problems = scan.problems.filter((problem) => problem.file === fate.file).map(problemLine);
    if (document) {
      const entry = documentEntry(document, registry);
      return { ...entry, notes: [...problems, ...entry.notes] };
    }
    return { file: fate.file, status: `${fate.status}${fate.reason ? `: ${fate.reason}` : ""}`, lines: [], notes: problems };
  });
}

export function formatContentReport(entries: readonly ReportEntry[], scan: ArchiveScan): string {
  const count = (status: string): number => scan.fates.filter((fate) => fate.status === status).length;
  const body = entries.map((entry) =>
    [`${displayPath(entry.file)}: ${entry.status}`, ...entry.lines.map((line) => `  ${line}`), ...entry.notes.map((note) => `  ! ${note}`)].join("\n"),
  );
  const errors = scan.problems.filter((problem) => problem.severity === "error").length;
  const summary = `${scan.fates.length} files: ${count("published")} published, ${count("ignored")} ignored, ${count("rejected")} rejected; ${errors} error(s).`;
  return `${body.join("\n\n")}\n\n${summary}\n`;
}
