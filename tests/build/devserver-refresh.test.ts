// `npm start` after one saved edit: the document's page, the pages that list
// it and its search shard are fresh, and the rest of the site is not rendered
// again (Eleventy's --incremental; the listing pages declare that they import
// every document; the search index keeps the shards whose records did not
// change). Eleventy's incremental mode only recognises a changed file inside
// the project folder, as `content/` is, so this corpus is made there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { fixturesDir, projectRoot } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/devServer.ts";

const EDITED = "interpol-doha-2017";
const UNTOUCHED = "interpol-buenos-aires-2019";
const NEW_TITLE = "عنوان جديد كتب أثناء التحرير";
const NEW_WORD = "كلمةمضافةللاختبار";

let server: DevServer;
let corpus: string;
let output: string;

/** The text Pagefind holds for a page: its fragment files are gzip'd JSON behind a "pagefind_dcd" signature. */
function indexedContent(site: string, url: string): string | undefined {
  const folders = [join(site, "pagefind"), ...readdirSync(join(site, "pagefind")).filter((name) => name.startsWith("shard-")).map((name) => join(site, "pagefind", name))];
  for (const folder of folders) {
    for (const name of readdirSync(join(folder, "fragment"))) {
      const fragment = JSON.parse(gunzipSync(readFileSync(join(folder, "fragment", name))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string };
      if (fragment.url === url) return fragment.content;
    }
  }
  return undefined;
}

beforeAll(async () => {
  corpus = mkdtempSync(join(projectRoot, "tests", "tmp-serve-corpus-"));
  mkdirSync(corpus, { recursive: true });
  for (const name of ["interpol-doha-2017.txt", "interpol-buenos-aires-2019.txt", "unodc-gcc-vienna.txt"]) cpSync(join(fixturesDir, "corpus", name), join(corpus, name));
  output = mkdtempSync(join(tmpdir(), "archive-serve-"));
  // One document per search shard, so the edit touches one shard of three.
  process.env.ARCHIVE_SEARCH_SHARD_SIZE = "1";
  server = await startDevServer([`--input=${relative(projectRoot, corpus)}`, `--output=${output}`]);
  delete process.env.ARCHIVE_SEARCH_SHARD_SIZE;
});

afterAll(async () => {
  await server.stop();
  rmSync(corpus, { recursive: true, force: true });
});

describe("the development server after one edited document", () => {
  it("refreshes the page, its timeline page and its search shard, and leaves the rest as it was", async () => {
    const untouchedPage = join(output, "documents", UNTOUCHED, "index.html");
    const untouchedWritten = statSync(untouchedPage).mtimeMs;
    const shardFiles = (): Map<string, number> =>
      new Map(["pagefind", "pagefind/shard-1", "pagefind/shard-2"].map((dir) => [dir, statSync(join(output, dir, "pagefind-entry.json")).mtimeMs]));
    const shardsBefore = shardFiles();
    const yearPage = "/timeline/2017/"; // the edited fixture is dated December 2017
    expect((await server.get(yearPage))?.body).not.toContain(NEW_TITLE);

    const from = server.output().length;
    const source = join(corpus, `${EDITED}.txt`);
    const lines = readFileSync(source, "utf8").split("\n");
    lines[0] = NEW_TITLE;
    writeFileSync(source, `${lines.join("\n")}\n\n${NEW_WORD}.\n`);
    const printed = await server.waitFor("the rebuild", () => server.printedAfter(from, "Build report:"));

    // Eleventy's own count: it skipped the pages that do not list the document.
    expect(printed).toMatch(/Wrote \d+ files? \(skipped \d+\)/);
    expect((await server.get(`/documents/${EDITED}/`))?.body).toContain(`<h1>${NEW_TITLE}</h1>`);
    expect((await server.get(yearPage))?.body).toContain(NEW_TITLE);
    expect((await server.get("/"))?.body).toContain(NEW_TITLE);
    expect(statSync(untouchedPage).mtimeMs).toBe(untouchedWritten);

    expect(indexedContent(output, `/documents/${EDITED}/`)).toContain(NEW_WORD);
    const shardsAfter = shardFiles();
    const rewritten = [...shardsAfter].filter(([dir, time]) => shardsBefore.get(dir) !== time).map(([dir]) => dir);
    expect(rewritten).toHaveLength(1);
  });
});
