// The build report's pure parts: counting, formatting, the clock-dependent notices.
import { describe, expect, it } from "vitest";
import { buildDay, formatProblem, formatSummary, futureDateNotices, reportJson, reportOf } from "../../../src/build/report.ts";
import type { ArchiveScan } from "../../../src/documents/archive.ts";
import type { ArchiveDocument } from "../../../src/documents/pipeline.ts";

const scan: ArchiveScan = {
  documents: [],
  byPath: new Map(),
  fates: [
    { file: "_data/site.yaml", status: "ignored", reason: "site data (settings and registries), not a document" },
    { file: "a.txt", status: "published", url: "/documents/a/" },
    { file: "b.txt", status: "rejected", reason: "front matter `date`: …" },
    { file: "notes.txt~", status: "ignored", reason: "editor backup or temporary file" },
  ],
  problems: [
    { file: "b.txt", line: 3, severity: "error", message: "front matter `date`: …", fix: "write the date as YYYY-MM-DD" },
    { file: "a.txt", line: 9, severity: "warning", message: "second", fix: "fix 2" },
    { file: "a.txt", line: 2, severity: "warning", message: "first", fix: "fix 1" },
  ],
};

describe("reportOf", () => {
  it("counts every file once and gives each its problems in line order", () => {
    const report = reportOf(scan);
    expect(report.ok).toBe(false);
    expect(report.counts).toEqual({ found: 4, published: 1, ignored: 2, rejected: 1, errors: 1, warnings: 2 });
    expect(report.files[1]).toEqual({
      file: "a.txt",
      status: "published",
      url: "/documents/a/",
      problems: [
        { line: 2, severity: "warning", message: "first", fix: "fix 1" },
        { line: 9, severity: "warning", message: "second", fix: "fix 2" },
      ],
    });
  });

  it("is ok without errors, whatever the warnings", () => {
    expect(reportOf({ ...scan, problems: scan.problems.filter((problem) => problem.severity === "warning") }).ok).toBe(true);
  });
});

describe("formatting", () => {
  it("writes a problem as file:line: severity: what — fix", () => {
    expect(formatProblem("content/b.txt", { line: 3, severity: "error", message: "what", fix: "how" })).toBe("content/b.txt:3: error: what — how");
    expect(formatProblem("b.txt", { severity: "warning", message: "what", fix: "how" })).toBe("b.txt: warning: what — how");
  });

  it("summarises: counts, ignored files (site data as one line), errors before warnings", () => {
    const notices = [{ file: "c.txt", severity: "warning" as const, message: "later", fix: "check" }];
    expect(formatSummary(reportOf(scan), { prefix: "content/", notices, reportFile: "_site/data/build-report.json" }).split("\n")).toEqual([
      "Build report: 4 files found: 1 published, 2 ignored, 1 rejected; 1 error, 3 warnings.",
      "  ignored: content/notes.txt~ (editor backup or temporary file)",
      "  ignored: 1 site data file in content/_data/",
      "content/b.txt:3: error: front matter `date`: … — write the date as YYYY-MM-DD",
      "content/a.txt:2: warning: first — fix 1",
      "content/a.txt:9: warning: second — fix 2",
      "content/c.txt: warning: later — check",
      "Full report: _site/data/build-report.json",
    ]);
  });

  it("writes the same JSON for the same corpus", () => {
    expect(reportJson(reportOf(scan))).toBe(reportJson(reportOf(scan)));
    expect(JSON.parse(reportJson(reportOf(scan)))).toEqual(reportOf(scan));
  });
});

describe("dates after the build day", () => {
  const dated = (iso: string | null): ArchiveDocument => ({ sourcePath: `${iso}.txt`, date: { iso } }) as ArchiveDocument;

  it("compares the earliest day a date can mean with the build day", () => {
    const documents = [dated("2024-05-02"), dated("2024-05-01"), dated("2024-06"), dated("2024-05"), dated("2025"), dated("2024"), dated(null)];
    expect(futureDateNotices(documents, "2024-05-01").map((notice) => notice.file)).toEqual(["2024-05-02.txt", "2024-06.txt", "2025.txt"]);
    expect(futureDateNotices([dated("2030")], "2024-05-01")[0]).toMatchObject({ severity: "warning", message: "the document's date 2030 is after the day of this build (2024-05-01)" });
  });

  it("takes the build day from SOURCE_DATE_EPOCH when set, else the clock", () => {
    expect(buildDay({ SOURCE_DATE_EPOCH: "1700000000" }, 0)).toBe("2023-11-14");
    expect(buildDay({}, Date.UTC(2024, 1, 29, 23, 0))).toBe("2024-02-29");
  });
});
