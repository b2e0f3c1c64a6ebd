// Issue #7, the cases that stop a build: every error in the corpus is listed at
// once (file, line, what, how to fix), the report is still written, the good
// files are still accounted for, and the command exits non-zero.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildSite, fixturesDir, makeCorpus, outputExists, readOutput, type BuildRun } from "../support/build.ts";
import { ARABIC_TEXT, encodeSingleByte, FRENCH_TEXT, PNG_BYTES } from "../fixtures/robustness/bytes.ts";
import type { BuildReport, ReportFile } from "../../src/build/report.ts";

const errorsDir = join(fixturesDir, "robustness/errors");
const corpusDir = join(fixturesDir, "corpus");

interface Built {
  run: BuildRun;
  report: BuildReport;
  printed: string;
}

function build(files: Record<string, string | Buffer | { copyFrom: string }>): Built {
  const run = buildSite(makeCorpus(files));
  if (!outputExists(run, "data/build-report.json")) throw new Error(`no report written (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { run, report: JSON.parse(readOutput(run, "data/build-report.json")) as BuildReport, printed: `${run.stdout}\n${run.stderr}` };
}

function entryOf(report: BuildReport, file: string): ReportFile {
  const found = report.files.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`${file} is not in the report`);
  return found;
}

/** The problem lines printed for errors, with the corpus folder taken off. */
function errorLines(printed: string): string[] {
  return printed
    .split("\n")
    .filter((line) => / error: /.test(line) && !line.startsWith("[11ty]"))
    .map((line) => line.replace(/^.*?archive-corpus-[^/]+\//, ""));
}

describe("a corpus with every kind of error", () => {
  let built: Built;
  const invalidUtf8 = Buffer.concat([Buffer.from("عنوان الوثيقة\n\nسطر ثالث فيه بايت خاطئ ", "utf8"), Buffer.from([0xff]), Buffer.from(" هنا.\n", "utf8")]);

  beforeAll(() => {
    const files: Record<string, string | Buffer | { copyFrom: string }> = {
      "good.txt": { copyFrom: join(corpusDir, "interpol-doha-2017.txt") },
      "good-note.md": { copyFrom: join(corpusDir, "markdown-note.md") },
      "invalid-utf8.txt": invalidUtf8,
      "french-cp1252.txt": encodeSingleByte(FRENCH_TEXT, "windows-1252"),
      "empty.txt": "",
      "blank.txt": "  \n\t\n\u200F  \r\n",
      "front-matter-only.txt": "---\ntitle: عنوان بلا نص\n---\n\n",
      "image.txt": PNG_BYTES,
      "nul.txt": Buffer.from("عنوان\n\nنص فيه\u0000 بايت صفري.\n", "utf8"),
      "huge.txt": `${ARABIC_TEXT}${"نص طويل جداً.\n".repeat(20 * 1024 * 1024 / 24)}`,
    };
    for (const name of readdirSync(errorsDir)) files[name] = { copyFrom: join(errorsDir, name) };
    built = build(files);
  });

  it("fails with a non-zero exit status and a clear last message, without a stack trace", () => {
    expect(built.run.status).toBe(1);
    expect(built.printed).toContain("The build failed: 14 errors in 14 files, listed above. Fix them and build again.");
    // It is the last thing printed, after Eleventy's own lines.
    expect(built.printed.trim().split("\n").pop()).toMatch(/The build failed: 14 errors in 14 files/);
    expect(built.printed).not.toMatch(/\n\s+at .*\.(?:ts|js|cjs):\d+/);
    expect(built.printed).not.toContain("Original error stack trace");
  });

  it("writes the report anyway, accounting for every file", () => {
    const { report } = built;
    expect(report.ok).toBe(false);
    // The one warning: good-note.md shows its raw <script> as text.
    expect(report.counts).toEqual({ found: 16, published: 2, ignored: 0, rejected: 14, errors: 14, warnings: 1 });
    expect(report.counts.published + report.counts.ignored + report.counts.rejected).toBe(report.files.length);
    expect(entryOf(report, "good.txt")).toEqual({ file: "good.txt", status: "published", url: "/documents/good/", problems: [] });
    expect(entryOf(report, "good-note.md")).toMatchObject({ status: "published", url: "/documents/good-note/" });
    expect(outputExists(built.run, "documents/good/index.html")).toBe(true);
  });

  it("lists every problem at once as file:line: error: what — fix", () => {
    const lines = errorLines(built.printed);
    expect(lines).toHaveLength(14);
    expect(lines).toEqual(
      expect.arrayContaining([
        "bad-yaml.txt:3: error: front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]) — correct the YAML between the --- lines; quote values that contain a colon",
        "blank.txt: error: has only blank space: there is nothing to publish — paste the document's text into it, or delete the file",
        "empty.txt: error: is empty: there is nothing to publish — paste the document's text into it, or delete the file",
        "front-matter-only.txt: error: has front matter but no text after it: there is nothing to publish — paste the document's text after the closing --- line, or delete the file",
        "image.txt: error: is a PNG image, not a plain text file — remove it from the content folder; to publish its text, save the text as a UTF-8 .txt file",
        "huge.txt: error: is 20.0 MB; the largest document the build reads is 5.0 MB — split it into several documents, one file each (or remove it if it is not a document); the limit is `maxDocumentMB` in content/_data/site.yaml",
        "impossible-date.txt:3: error: front matter `date`: date \"2023-02-30\" does not exist: February 2023 has 28 days. Correct the day (01-28), or write \"2023-02\" if the day is not known — write the date as YYYY-MM-DD, YYYY-MM or YYYY",
        "nul.txt:3: error: contains NUL characters: it is binary data, not text — remove it from the content folder, or copy its text into a new UTF-8 file",
      ]),
    );
  });

  it("rejects invalid UTF-8 at the line of the bad byte, having checked it is not Windows-1256 Arabic", () => {
    const entry = entryOf(built.report, "invalid-utf8.txt");
    expect(entry).toMatchObject({ status: "rejected", problems: [{ line: 3, severity: "error" }] });
    expect(entry.problems[0]?.message).toMatch(/^is not valid UTF-8 \(byte 0xFF on this line\), and not Arabic saved as Windows-1256 either \(it contains "."/);
    expect(entry.problems[0]?.fix).toMatch(/^open it in a text editor and save it again with the encoding UTF-8/);
  });

  it("rejects French saved as Windows-1252: it is not unambiguously Arabic", () => {
    const entry = entryOf(built.report, "french-cp1252.txt");
    expect(entry).toMatchObject({ status: "rejected", problems: [{ line: 1, severity: "error" }] });
    expect(entry.problems[0]?.message).toBe("is not valid UTF-8 (byte 0xE9 on this line), and not Arabic saved as Windows-1256 either (only 1% of its letters are Arabic)");
    expect(outputExists(built.run, "documents/french-cp1252/index.html")).toBe(false);
  });

  it("rejects a slug with / or .. at its front matter line", () => {
    for (const [file, slug] of [["slug-dotdot.txt", "../escape"], ["slug-slash.txt", "a/b"]] as const) {
      expect(entryOf(built.report, file)).toMatchObject({
        status: "rejected",
        problems: [{ line: 3, severity: "error", message: `slug \`${slug}\` contains \`/\` or \`..\`: a slug is one part of an address, and this one would put the page outside /documents/` }],
      });
    }
    expect(readdirSync(built.run.output)).not.toContain("escape");
    expect(outputExists(built.run, "documents/a/b/index.html")).toBe(false);
  });

  it("rejects both files that claim the same address, naming the other", () => {
    expect(entryOf(built.report, "duplicate-a.txt")).toMatchObject({
      status: "rejected",
      problems: [{ severity: "error", message: "slug `same-address` is also used by duplicate-b.txt" }],
    });
    expect(entryOf(built.report, "duplicate-b.txt")).toMatchObject({
      status: "rejected",
      problems: [{ severity: "error", message: "slug `same-address` is also used by duplicate-a.txt" }],
    });
    expect(outputExists(built.run, "documents/same-address/index.html")).toBe(false);
  });

  it("never publishes a page for a rejected file", () => {
    const pages = readdirSync(join(built.run.output, "documents")).sort();
    expect(pages).toEqual(["good", "good-note"]);
  });
});

describe("one bad file among good ones", () => {
  let built: Built;
  const good = readdirSync(corpusDir).sort();

  beforeAll(() => {
    const files: Record<string, string | Buffer | { copyFrom: string }> = {};
    for (const name of good) files[name] = { copyFrom: join(corpusDir, name) };
    files["bad.txt"] = "---\ntitle: وثيقة\ndate: 2023-02-30\n---\nنص الوثيقة.\n";
    built = build(files);
  });

  it("fails, listing only the bad file", () => {
    expect(built.run.status).toBe(1);
    expect(errorLines(built.printed)).toEqual([expect.stringMatching(/^bad\.txt:3: error: front matter `date`: date "2023-02-30" does not exist/)]);
    expect(built.printed).toContain("The build failed: 1 error in 1 file, listed above.");
  });

  it("still lists every good file as published, with its page built", () => {
    const { report } = built;
    expect(report.counts).toEqual({ found: good.length + 1, published: good.length, ignored: 0, rejected: 1, errors: 1, warnings: 1 });
    for (const name of good) expect(entryOf(report, name), name).toMatchObject({ status: "published", problems: name.endsWith(".md") ? [{ severity: "warning" }] : [] });
    expect(entryOf(report, "bad.txt")).toMatchObject({ status: "rejected" });
    expect(readdirSync(join(built.run.output, "documents"))).toHaveLength(good.length);
  });
});
