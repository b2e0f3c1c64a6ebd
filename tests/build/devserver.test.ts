// Issue #7 on the development server: `npm start` keeps running when a file is
// bad (it prints the problem), and picks the page up once the file is fixed,
// without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesDir, makeCorpus } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/devServer.ts";

let server: DevServer;
let corpus: string;

beforeAll(async () => {
  corpus = makeCorpus({ "good.txt": { copyFrom: join(fixturesDir, "corpus/interpol-doha-2017.txt") } });
  server = await startDevServer([`--input=${corpus}`, `--output=${mkdtempSync(join(tmpdir(), "archive-serve-"))}`]);
});

afterAll(() => server.stop());

describe("the development server", () => {
  it("prints a bad file's error, keeps serving, and publishes the page once the file is fixed", async () => {
    expect((await server.get("/documents/good/"))?.status).toBe(200);

    let from = server.output().length;
    writeFileSync(join(corpus, "new-doc.txt"), "---\ndate: 2023-02-30\n---\nوثيقة جديدة\n\nنص الوثيقة الجديدة.\n");
    const afterBad = await server.waitFor("the report of the bad file", () => server.printedAfter(from, "new-doc.txt:2: error:"));
    expect(afterBad).toContain("Build report: 2 files found: 1 published, 0 ignored, 1 rejected; 1 error, 0 warnings.");
    expect(afterBad).toMatch(/new-doc\.txt:2: error: front matter `date`: date "2023-02-30" does not exist/);
    expect(afterBad).toContain("1 error in 1 file, listed above: those files are not on the site. The server keeps running");
    expect(afterBad).not.toContain("The build failed");
    expect(server.running()).toBe(true);
    expect((await server.get("/documents/good/"))?.status).toBe(200);
    expect((await server.get("/documents/new-doc/"))?.status).toBe(404);

    from = server.output().length;
    writeFileSync(join(corpus, "new-doc.txt"), "---\ndate: 2023-02-28\n---\nوثيقة جديدة\n\nنص الوثيقة الجديدة.\n");
    const afterFix = await server.waitFor("the report of the fixed file", () => server.printedAfter(from, "Build report: 2 files found: 2 published"));
    expect(afterFix).toContain("Build report: 2 files found: 2 published, 0 ignored, 0 rejected; 0 errors, 0 warnings.");
    const page = await server.waitFor("the fixed page", async () => {
      const response = await server.get("/documents/new-doc/");
      return response?.status === 200 ? response.body : undefined;
    });
    expect(page).toContain("<h1>وثيقة جديدة</h1>");
    expect(page).toContain('<time datetime="2023-02-28">');
  });
});
