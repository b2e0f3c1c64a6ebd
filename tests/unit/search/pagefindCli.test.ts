// A record's page (src/search/pagefindCli.ts) must give Pagefind's CLI
// exactly the record: the same fragment (URL, text, metadata, filters) as
// the record added through Pagefind's own Node API.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { recordPage, recordPagePath } from "../../../src/search/pagefindCli.ts";
import { writeSearchIndex } from "../../../src/search/indexer.ts";
import type { SearchRecord } from "../../../src/search/records.ts";

const RECORDS: SearchRecord[] = [
  {
    url: "/documents/doha-2017/",
    content: "الدوحة~(((! - أكد الإنتربول أن مكافحة الاتجار بالبشر أولوية & <b>",
    language: "ar",
    meta: { title: "مؤتمر الدوحة \"الثاني\"", date: "١٢ ديسمبر ٢٠١٧", iso: "~((()~((()", names: "INTERPOL" },
    filters: { organisation: ["interpol", "unodc"], year: ["2017"] },
    sort: { date: "2017-12-12" },
  },
  { url: "/documents/vienna/", content: "فيينا - تهريب المهاجرين", language: "ar", meta: { title: "فيينا" }, filters: {}, sort: { date: "0000" } },
];

/** Every fragment of a bundle, decompressed, by file name. */
function fragments(bundle: string): Record<string, string> {
  const dir = join(bundle, "fragment");
  return Object.fromEntries(readdirSync(dir).map((name) => [name, gunzipSync(readFileSync(join(dir, name))).toString("utf8")]));
}

describe("record pages for Pagefind's CLI", () => {
  it("give the same fragments as the records added through Pagefind's Node API", async () => {
    const root = mkdtempSync(join(tmpdir(), "archive-pagefind-cli-"));
    const created = await pagefind.createIndex({ forceLanguage: "ar" });
    for (const record of RECORDS) expect((await created.index!.addCustomRecord(record)).errors).toEqual([]);
    await created.index!.writeFiles({ outputPath: join(root, "api") });
    await pagefind.close();
    await writeSearchIndex(RECORDS, join(root, "cli"));
    const fromApi = fragments(join(root, "api"));
    expect(Object.keys(fromApi)).toHaveLength(2);
    expect(fragments(join(root, "cli"))).toEqual(fromApi);
    expect(Object.values(fromApi).join("")).toContain('"organisation":["interpol","unodc"]');
  }, 60_000);

  it("escape what HTML would read as markup", () => {
    const page = recordPage(RECORDS[0]!);
    expect(page).toContain("أولوية &amp; &lt;b>");
    expect(page).toContain('<p data-pagefind-meta="title">مؤتمر الدوحة &quot;الثاني&quot;</p>');
    expect(page).toContain('<p data-pagefind-filter="organisation">unodc</p>');
    // The date order is the build's own (dateOrder.ts), not Pagefind's.
    expect(page).not.toContain("data-pagefind-sort");
  });

  it("put each page where Pagefind gives it the record's URL, and refuse other addresses", () => {
    expect(recordPagePath("/documents/doha-2017/")).toBe("documents/doha-2017/index.html");
    expect(recordPagePath("/documents/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1/")).toBe("documents/تقرير/index.html");
    for (const url of ["/documents/x.html", "documents/x/", "/documents/../../etc/"]) expect(() => recordPagePath(url)).toThrow(/folder address/);
  });
});
