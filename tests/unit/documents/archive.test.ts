// The archive scan: every file found has exactly one fate, and nothing crashes the scan.
import { beforeAll, describe, expect, it } from "vitest";
import { symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "../../../src/project.ts";
import { Archive } from "../../../src/documents/archive.ts";
import { MAX_DOCUMENT_BYTES } from "../../../src/documents/pipeline.ts";
import { makeCorpus } from "../../support/build.ts";

let project: Project;

beforeAll(async () => {
  project = await Project.load();
});

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
    truncateSync(join(dir, "big.txt"), MAX_DOCUMENT_BYTES + 1); // sparse: nothing to read but zeros
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates).toEqual([{ file: "big.txt", status: "rejected", reason: "is 2.0 MB; the largest document the build reads is 2.0 MB" }]);
  });

  it("reports a file it cannot read instead of crashing", () => {
    const dir = makeCorpus({ "a.txt": BODY });
    symlinkSync(join(dir, "missing.txt"), join(dir, "broken.txt"));
    const scan = new Archive(project.data).scan(dir);
    expect(scan.fates.find((fate) => fate.file === "broken.txt")).toMatchObject({ status: "rejected", reason: expect.stringMatching(/^cannot be read \(ENOENT/) });
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
