// `npm start` after one saved edit: the document's page, its neighbours'
// pages (they show its title), the pages that list it and its search shard
// are fresh, and the rest of the site keeps the files the previous build
// wrote (src/site/pageChanges.ts picks the pages whose printed data changed;
// the search index keeps the shards whose records did not change). The
// corpus is made inside the project, as content/ is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { fixturesDir, projectRoot } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/devServer.ts";

// In timeline order: France (2022), Buenos Aires (2019), Doha (2017), then the undated UNODC text.
const CORPUS = ["france-interview-2022", "interpol-buenos-aires-2019", "interpol-doha-2017", "unodc-gcc-vienna"];
const EDITED = "interpol-doha-2017";
const NEIGHBOURS = ["interpol-buenos-aires-2019", "unodc-gcc-vienna"];
const UNTOUCHED = "france-interview-2022";
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
  for (const name of CORPUS) cpSync(join(fixturesDir, "corpus", `${name}.txt`), join(corpus, `${name}.txt`));
  output = mkdtempSync(join(tmpdir(), "archive-serve-"));
  // One document per search shard, so the edit touches one shard of four.
  process.env.ARCHIVE_SEARCH_SHARD_SIZE = "1";
  server = await startDevServer([`--input=${relative(projectRoot, corpus)}`, `--output=${output}`]);
  delete process.env.ARCHIVE_SEARCH_SHARD_SIZE;
});

afterAll(async () => {
  await server.stop();
  rmSync(corpus, { recursive: true, force: true });
});

/** Every HTML page of the site, by its address, with when its file was last written. */
function pagesWritten(site: string): Map<string, number> {
  const written = new Map<string, number>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "index.html") written.set(`/${relative(site, dir).split("\\").join("/")}/`.replace("//", "/"), statSync(path).mtimeMs);
    }
  };
  walk(site);
  return written;
}

describe("the development server after one edited document", () => {
  it("rewrites the pages that show the document and its search shard, and leaves the rest as it was", async () => {
    const before = pagesWritten(output);
    const shardFiles = (): Map<string, number> =>
      new Map(["pagefind", "pagefind/shard-1", "pagefind/shard-2", "pagefind/shard-3"].map((dir) => [dir, statSync(join(output, dir, "pagefind-entry.json")).mtimeMs]));
    const shardsBefore = shardFiles();
    const yearPage = "/timeline/2017/"; // the edited fixture is dated December 2017
    expect((await server.get(yearPage))?.body).not.toContain(NEW_TITLE);
    const organisationPages = [...before.keys()].filter((url) => /^\/organisations\/[^/]+\/$/.test(url));
    const listing = organisationPages.filter((url) => readFileSync(join(output, url, "index.html"), "utf8").includes(`/documents/${EDITED}/`));
    const notListing = organisationPages.filter((url) => !listing.includes(url));
    expect(listing.length).toBeGreaterThan(0);
    expect(notListing.length).toBeGreaterThan(0);

    const from = server.output().length;
    const source = join(corpus, `${EDITED}.txt`);
    const lines = readFileSync(source, "utf8").split("\n");
    lines[0] = NEW_TITLE;
    writeFileSync(source, `${lines.join("\n")}\n\n${NEW_WORD}.\n`);
    await server.waitFor("the rebuild", () => server.printedAfter(from, "Build report:"));

    expect((await server.get(`/documents/${EDITED}/`))?.body).toContain(`<h1>${NEW_TITLE}</h1>`);
    // Its neighbours link to it by its title.
    for (const neighbour of NEIGHBOURS) expect((await server.get(`/documents/${neighbour}/`))?.body).toContain(NEW_TITLE);
    expect((await server.get(yearPage))?.body).toContain(NEW_TITLE);
    expect((await server.get("/"))?.body).toContain(NEW_TITLE);
    for (const url of listing) expect((await server.get(url))?.body).toContain(NEW_TITLE);

    const after = pagesWritten(output);
    const rewritten = (url: string): boolean => after.get(url) !== before.get(url);
    expect(rewritten(`/documents/${UNTOUCHED}/`)).toBe(false);
    expect(notListing.filter(rewritten)).toEqual([]);
    expect([`/documents/${EDITED}/`, ...NEIGHBOURS.map((name) => `/documents/${name}/`), yearPage, ...listing].filter((url) => !rewritten(url))).toEqual([]);

    expect(indexedContent(output, `/documents/${EDITED}/`)).toContain(NEW_WORD);
    const shardsAfter = shardFiles();
    const shardsRewritten = [...shardsAfter].filter(([dir, time]) => shardsBefore.get(dir) !== time).map(([dir]) => dir);
    expect(shardsRewritten).toHaveLength(1);
  });

  it("publishes a document saved into the corpus as a new file", async () => {
    const from = server.output().length;
    cpSync(join(fixturesDir, "corpus", "interpol-our-role.txt"), join(corpus, "interpol-our-role.txt"));
    await server.waitFor("the rebuild", () => server.printedAfter(from, "Build report: 5 files found: 5 published"));
    expect((await server.get("/documents/interpol-our-role/"))?.status).toBe(200);
    expect((await server.get("/timeline/undated/"))?.body).toContain("/documents/interpol-our-role/"); // it has no date
    expect((await server.get("/sitemap.xml"))?.body).toContain("/documents/interpol-our-role/");
    // The sitemap still lists the pages this rebuild did not write.
    expect((await server.get("/sitemap.xml"))?.body).toContain(`/documents/${UNTOUCHED}/`);
  });

  it("writes every page again after a save that is not a document of the corpus", async () => {
    const before = pagesWritten(output);
    const from = server.output().length;
    // A private draft: watched like the documents, but the archive does not publish it.
    writeFileSync(join(corpus, "_draft.txt"), "مسودة لم تنشر بعد.\n");
    await server.waitFor("the rebuild", () => server.printedAfter(from, "Build report: 6 files found: 5 published, 1 ignored"));
    const after = pagesWritten(output);
    expect([...before.keys()].filter((url) => after.get(url) === before.get(url))).toEqual([]);
  });

  it("notices a document whose extension is not in lower case, as the scan accepts it", async () => {
    const from = server.output().length;
    cpSync(join(fixturesDir, "corpus", "interpol-our-role.txt"), join(corpus, "Role-Copy.Txt"));
    await server.waitFor("the rebuild", () => server.printedAfter(from, "Build report: 7 files found: 6 published, 1 ignored"));
    expect((await server.get("/documents/role-copy/"))?.status).toBe(200);
  });
});
