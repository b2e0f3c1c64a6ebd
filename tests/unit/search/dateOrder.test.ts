// The index's date order (src/search/dateOrder.ts) is written beside each
// bundle from Pagefind's own fragments: every page's id, oldest first.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { DATE_ORDER_FILE, dateOrder, fragmentUrl, pageIdsByUrl } from "../../../src/search/dateOrder.ts";
import { writeSearchIndex } from "../../../src/search/indexer.ts";
import type { SearchRecord } from "../../../src/search/records.ts";

const record = (url: string, date: string): SearchRecord => ({ url, content: `نص ${url}`, language: "ar", meta: { title: url }, filters: {}, sort: { date } });

describe("the date order", () => {
  it("lists every page's id by date, then URL, the undated first; Pagefind's metadata holds no sort", async () => {
    const bundle = join(mkdtempSync(join(tmpdir(), "archive-date-order-")), "pagefind");
    const records = [record("/documents/c/", "2019-03-01"), record("/documents/تقرير/", "2017-12-06"), record("/documents/a/", "0000"), record("/documents/b/", "2019-03-01")];
    await writeSearchIndex(records, bundle);
    const ids = await pageIdsByUrl(bundle);
    expect([...ids.keys()].sort()).toEqual(["/documents/a/", "/documents/b/", "/documents/c/", "/documents/تقرير/"]);
    const order = readFileSync(join(bundle, DATE_ORDER_FILE), "utf8").split("\n");
    expect(order).toEqual([...["/documents/a/", "/documents/تقرير/", "/documents/b/", "/documents/c/"].map((url) => ids.get(url)), ""]);
    // Pagefind's metadata file, which every search fetches, names no sort (it would name "date").
    const metaFile = readdirSync(bundle).find((name) => name.endsWith(".pf_meta"))!;
    const meta = gunzipSync(readFileSync(join(bundle, metaFile))).toString("latin1");
    expect(meta).toContain("title");
    expect(meta).not.toContain("date");
  }, 60_000);

  it("fails, naming the page, when Pagefind wrote none for it", () => {
    expect(() => dateOrder([{ url: "/documents/gone/", date: "2020" }], new Map())).toThrow(/no page for \/documents\/gone\//);
  });

  it("reads a fragment's URL from its first bytes, from the whole fragment when the URL is not first, and refuses other files", () => {
    const fragment = (json: object): Buffer => gzipSync(`pagefind_dcd${JSON.stringify(json)}`);
    const content = "نص ".repeat(2000);
    expect(fragmentUrl(fragment({ url: "/documents/\"quoted\"/", content }), "a")).toBe('/documents/"quoted"/');
    expect(fragmentUrl(fragment({ content, url: "/documents/late/" }), "b")).toBe("/documents/late/");
    expect(() => fragmentUrl(gzipSync("{}"), "c.pf_fragment")).toThrow(/c\.pf_fragment is not a Pagefind fragment/);
  });
});
