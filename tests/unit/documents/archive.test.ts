// The archive scan: every file found has exactly one fate, and nothing crashes the scan.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, lstatSync, renameSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Project, projectDataDir } from "../../../src/project.ts";
import { Archive, ingestFile, PARALLEL_SCAN_MIN_FILES } from "../../../src/documents/archive.ts";
import { fixturesDir, makeCorpus } from "../../support/build.ts";
import { generateCorpus } from "../../../scripts/generate-corpus.ts";

let project: Project;

beforeAll(async () => {
  project = await Project.load();
});

const limit = (): number => project.data.maxDocumentBytes;

const BODY = "عنوان الوثيقة\n\nنص الوثيقة عن التعاون في مكافحة الاتجار بالبشر.\n";

describe("Archive.scan", () => {
  it("gives every file found one fate: published, ignored or rejected", () => {
    const dir = makeCorpus({ "a.txt": BODY, "b.txt": "", "c.txt~": BODY, "d/e.md": `# عنوان\n\n${BODY}` });
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates).toEqual([
      { file: "a.txt", status: "published", url: "/documents/a/" },
      { file: "b.txt", status: "rejected", reason: "is empty: there is nothing to publish" },
      { file: "c.txt~", status: "ignored", reason: "editor backup or temporary file" },
      { file: "d/e.md", status: "published", url: "/documents/e/" },
    ]);
    expect([...scan.byPath.keys()]).toEqual(["a.txt", "d/e.md"]);
  });

  it("rejects every file of a duplicate address, the file name's or the front matter's", () => {
    const dir = makeCorpus({ "a.txt": BODY, "x/a.txt": BODY, "c.txt": `---\nslug: a\n---\n${BODY}` });
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates.map((fate) => fate.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(scan.problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      "a.txt: slug `a` is also used by c.txt, x/a.txt",
      "c.txt: slug `a` is also used by a.txt, x/a.txt",
      "x/a.txt: slug `a` is also used by a.txt, c.txt",
    ]);
    expect(scan.documents).toEqual([]);
  });

  it("rejects a file over the size limit without reading it", () => {
    const dir = makeCorpus({ "big.txt": "" });
    truncateSync(join(dir, "big.txt"), limit() + 1); // sparse: nothing to read but zeros
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates).toEqual([{ file: "big.txt", status: "rejected", reason: "is 5.0 MB; the largest document the build reads is 5.0 MB" }]);
  });

  it("reports a file it cannot read instead of crashing", () => {
    const dir = makeCorpus({ "a.txt": BODY });
    symlinkSync(join(dir, "missing.txt"), join(dir, "broken.txt"));
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates.find((fate) => fate.file === "broken.txt")).toMatchObject({ status: "rejected", reason: "is a link to a file that does not exist" });
    expect(scan.fates.find((fate) => fate.file === "a.txt")).toMatchObject({ status: "published" });
  });

  it("picks up a fixed file on the next scan (the development server's rebuild)", () => {
    const dir = makeCorpus({ "a.txt": "---\ndate: 2023-02-30\n---\nنص.\n" });
    const archive = new Archive(project.data);
    expect(archive.scan(dir).fates[0]).toMatchObject({ status: "rejected" });
    writeFileSync(join(dir, "a.txt"), "---\ndate: 2023-02-28\n---\nنص.\n");
    utimesSync(join(dir, "a.txt"), new Date(), new Date(Date.now() + 5000));
    expect(archive.scan(dir).fates[0]).toMatchObject({ status: "published" });
  });
});

describe("Archive.scanInParallel", () => {
  it("gives the same scan as Archive.scan, with a helper thread building part of a large corpus, and keeps what it built", async () => {
    const dir = makeCorpus({});
    // Enough for the helper to send its results in more than one batch (of 500).
    generateCorpus(PARALLEL_SCAN_MIN_FILES * 3, dir);
    writeFileSync(join(dir, "big.txt"), "");
    // Errors and warnings of every kind, in both halves of the files.
    cpSync(join(fixturesDir, "robustness", "errors"), join(dir, "a-errors"), { recursive: true });
    cpSync(join(fixturesDir, "robustness", "errors"), join(dir, "z-errors"), { recursive: true });
    cpSync(join(fixturesDir, "robustness", "warnings"), join(dir, "z-warnings"), { recursive: true });
    truncateSync(join(dir, "big.txt"), limit() + 1);
    symlinkSync(join(dir, "missing.txt"), join(dir, "zz-broken.txt"));

    const alone = new Archive(project.data).scan(dir);
    const archive = new Archive(project.data, projectDataDir);
    const shared = await archive.scanInParallel(dir);
    expect(shared).toEqual(alone);
    expect(shared.documents.length).toBeGreaterThan(PARALLEL_SCAN_MIN_FILES);
    expect(shared.fates.find((fate) => fate.file === "zz-broken.txt")).toMatchObject({ status: "rejected", reason: "is a link to a file that does not exist" });

    // The next scan builds nothing again: the same documents, not copies.
    const again = await archive.scanInParallel(dir);
    expect(again.documents.every((document, n) => document === shared.documents[n])).toBe(true);
  }, 60_000);

  it("does not keep a file it could not read, so the next scan tries again", () => {
    const dir = makeCorpus({ "vanishing.txt": BODY });
    const info = lstatSync(join(dir, "vanishing.txt"));
    const pending = { file: "vanishing.txt", format: "txt" as const, source: "vanishing.txt", identity: `${info.dev}:${info.ino}`, stamp: "0:0", size: BODY.length };
    unlinkSync(join(dir, "vanishing.txt")); // gone between the scan and the read
    const ingested = ingestFile(dir, pending, project.data);
    expect(ingested.keep).toBe(false);
    expect(ingested.result.problems[0]?.message).toBe("cannot be read (it no longer exists)");
    writeFileSync(join(dir, "vanishing.txt"), BODY);
    const again = lstatSync(join(dir, "vanishing.txt"));
    expect(ingestFile(dir, { ...pending, identity: `${again.dev}:${again.ino}` }, project.data)).toMatchObject({ keep: true, result: { problems: [] } });
  });

  it("does not read a file swapped for a link, or for another file, after the scan looked at it", () => {
    const dir = makeCorpus({ "a.txt": BODY, "other.txt": BODY });
    const info = lstatSync(join(dir, "a.txt"));
    const pending = { file: "a.txt", format: "txt" as const, source: "a.txt", identity: `${info.dev}:${info.ino}`, stamp: "0:0", size: BODY.length };
    unlinkSync(join(dir, "a.txt"));
    symlinkSync(join(dir, "other.txt"), join(dir, "a.txt"));
    expect(ingestFile(dir, pending, project.data).result.problems[0]?.message).toBe("cannot be read (it is a link)");
    renameSync(join(dir, "other.txt"), join(dir, "a.txt")); // another inode, still alive: never the one the scan saw
    expect(ingestFile(dir, pending, project.data).result.problems[0]?.message).toBe("changed into another file while the build was reading the folder: it is not read");
  });
});
