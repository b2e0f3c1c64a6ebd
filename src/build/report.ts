// The build report: every file found under the content folder and what became
// of it (published, ignored with the reason, rejected with the reason), every
// problem as `file:line: error|warning: what is wrong — how to fix it`, on the
// console and in data/build-report.json in the output folder.
//
// A production build with errors fails, after the report is printed and
// written. The development server (serve/watch) never stops for a bad file:
// it prints the report and keeps serving; fixing the file rebuilds and recovers.
import { isAbsolute, relative, resolve } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { writeOutputFile } from "./output.ts";
import type { Project } from "../project.ts";
import type { ArchiveScan, FileStatus } from "../documents/archive.ts";
import { displayPath } from "../documents/files.ts";
import type { ArchiveDocument, Problem } from "../documents/pipeline.ts";

export const REPORT_PATH = "data/build-report.json";

export interface ReportProblem {
  line?: number;
  severity: Problem["severity"];
  message: string;
  fix: string;
}

export interface ReportFile {
  file: string;
  status: FileStatus;
  /** Why a file was ignored or rejected. */
  reason?: string;
  /** Where a published file's page is. */
  url?: string;
  problems: ReportProblem[];
}

export interface BuildReport {
  /** False when at least one error stops the build. */
  ok: boolean;
  counts: { found: number; published: number; ignored: number; rejected: number; errors: number; warnings: number };
  files: ReportFile[];
}

function byLine(a: { line?: number }, b: { line?: number }): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/** The report of a scan: one entry per file found, its problems in line order. */
export function reportOf(scan: ArchiveScan): BuildReport {
  const problemsOf = new Map<string, ReportProblem[]>();
  for (const { file, ...rest } of scan.problems) problemsOf.set(file, [...(problemsOf.get(file) ?? []), rest]);
  const files = scan.fates.map((fate): ReportFile => {
    // Key order file, status, reason or url, problems: the JSON reads top-down.
    return {
      file: fate.file,
      status: fate.status,
      ...(fate.reason === undefined ? {} : { reason: fate.reason }),
      ...(fate.url === undefined ? {} : { url: fate.url }),
      problems: [...(problemsOf.get(fate.file) ?? [])].sort(byLine),
    };
  });
  const count = (status: FileStatus): number => files.filter((file) => file.status === status).length;
  const errors = scan.problems.filter((problem) => problem.severity === "error").length;
  return {
    ok: errors === 0,
    counts: {
      found: files.length,
      published: count("published"),
      ignored: count("ignored"),
      rejected: count("rejected"),
      errors,
      warnings: scan.problems.length - errors,
    },
    files,
  };
}

/** `file:line: error|warning: what is wrong — how to fix it` (no `:line` when there is none). */
export function formatProblem(file: string, problem: ReportProblem): string {
  const where = problem.line === undefined ? displayPath(file) : `${displayPath(file)}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message} — ${problem.fix}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export interface SummaryOptions {
  /** Shown before each file name, e.g. the content folder, so editors can open the file from the terminal. */
  prefix?: string;
  /** Problems that are printed but not part of the report file (see futureDateNotices). */
  notices?: Problem[];
  /** Where the report file was written. */
  reportFile?: string;
}

/** The console summary: counts, the files ignored, then every problem, errors first (a rejected file has at least one error). */
export function formatSummary(report: BuildReport, options: SummaryOptions = {}): string {
  const prefix = options.prefix ?? "";
  const { counts } = report;
  const notices = options.notices ?? [];
  const warnings = counts.warnings + notices.length;
  const lines = [
    `Build report: ${plural(counts.found, "file")} found: ${counts.published} published, ${counts.ignored} ignored, ${counts.rejected} rejected; ${plural(counts.errors, "error")}, ${plural(warnings, "warning")}.`,
  ];
  const siteData = report.files.filter((file) => file.status === "ignored" && file.file.startsWith("_data/"));
  for (const file of report.files) {
    if (file.status === "ignored" && !siteData.includes(file)) lines.push(`  ignored: ${prefix}${displayPath(file.file)} (${file.reason ?? "not a document"})`);
  }
  if (siteData.length > 0) lines.push(`  ignored: ${plural(siteData.length, "site data file")} in ${prefix}_data/`);
  const all = [
    ...report.files.flatMap((file) => file.problems.map((problem) => ({ file: file.file, problem }))),
    ...notices.map(({ file, ...problem }) => ({ file, problem })),
  ];
  for (const severity of ["error", "warning"] as const) {
    for (const { file, problem } of all) if (problem.severity === severity) lines.push(formatProblem(`${prefix}${file}`, problem));
  }
  if (options.reportFile) lines.push(`Full report: ${options.reportFile}`);
  return lines.join("\n");
}

/** The report file's text: stable key order, files sorted, nothing that depends on the day or the machine. */
export function reportJson(report: BuildReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The day a build runs, as YYYY-MM-DD (UTC): SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
export function buildDay(env: NodeJS.ProcessEnv = process.env, now: number = Date.now()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const time = env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? epoch * 1000 : now;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Warnings for documents dated after the build day. They depend on the day
 * the build runs, so they are printed only: no page and no report file
 * changes with the clock, and a warning (never an error) cannot make the same
 * corpus pass one day and fail the next.
 */
export function futureDateNotices(documents: readonly ArchiveDocument[], day: string): Problem[] {
  return documents.flatMap((document): Problem[] => {
    const { iso } = document.date;
    if (iso === null) return [];
    const earliest = `${iso}-01-01`.slice(0, 10); // "2030" -> "2030-01-01", "2030-07" -> "2030-07-01"
    if (earliest <= day) return [];
    return [
      {
        file: document.sourcePath,
        severity: "warning",
        message: `the document's date ${iso} is after the day of this build (${day})`,
        fix: "check the date (a typing slip such as 2071 for 2017?); if it is right, this warning goes once the day has passed",
      },
    ];
  });
}

/** Thrown from eleventy.after to fail a production build; the problems are already printed above it. */
export class BuildFailure extends Error {
  // Eleventy's error printer: no stack trace, the message is the whole story.
  readonly skipOriginalStack = true;
}

/** A folder as the maintainer typed it, relative to where the build runs when it is inside it. */
function displayFolder(folder: string): string {
  const path = relative(process.cwd(), resolve(folder));
  return path === "" ? "" : `${path.startsWith("..") || isAbsolute(path) ? resolve(folder) : path}/`;
}

export function buildReport(config: EleventyConfig, project: Project): void {
  config.on("eleventy.after", ({ directories, runMode, outputMode }) => {
    const report = reportOf(project.scan);
    let reportFile: string | undefined;
    if (outputMode === "fs") {
      writeOutputFile(directories.output, REPORT_PATH, reportJson(report));
      reportFile = `${displayFolder(directories.output)}${REPORT_PATH}`;
    }
    const notices = futureDateNotices(project.scan.documents, buildDay());
    const summary = formatSummary(report, { prefix: displayFolder(directories.input), notices, reportFile });
    const quiet = report.counts.errors === 0 && report.counts.warnings === 0 && notices.length === 0;
    if (quiet) console.log(summary);
    else console.error(summary);
    if (report.ok) return;
    const files = new Set(report.files.filter((file) => file.problems.some((problem) => problem.severity === "error")).map((file) => file.file));
    const what = `${plural(report.counts.errors, "error")} in ${plural(files.size, "file")}`;
    if (runMode === "build") {
      const failure = new BuildFailure(`The build failed: ${what}, listed above. Fix them and build again.`);
      // Eleventy prints a build error twice (once where the build stops, once in the command line's own handler);
      // marking it as printed keeps the one that comes last, after Eleventy's "Wrote N files" line.
      Object.defineProperty(failure, "__errorAlreadyLogged", { value: true });
      throw failure;
    }
    console.error(`${what}, listed above: those files are not on the site. The server keeps running; save a fixed file and it rebuilds.`);
  });
}
