// The search index is written by Pagefind's CLI over pages made from the
// records (src/search/indexer.ts, pagefindCli.ts): every shard lands where
// the browser looks for it, several indexers share the work, and a failure
// in one of them fails the build with Pagefind's own words.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indexRecords, writeSearchIndex } from "../../../src/search/indexer.ts";
import type { SearchRecord } from "../../../src/search/records.ts";
import { searchProcessCount } from "../../../src/search/shards.ts";

const WORDS = ["الاتجار", "بالبشر", "تهريب", "المهاجرين", "الإنتربول", "الشرطة", "التعاون", "الضحايا"];

function record(n: number): SearchRecord {
  const content = Array.from({ length: 40 }, (_, i) => WORDS[(n + i) % WORDS.length]).join(" ");
  return { url: `/documents/d${n}/`, content, language: "ar", meta: { title: `وثيقة ${n}` }, filters: {}, sort: { date: `2020-01-${String(1 + n).padStart(2, "0")}` } };
}

function pageCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
}

describe("writeSearchIndex", () => {
  it("writes every shard, split over several processes", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "archive-indexer-")), "pagefind");
    const records = Array.from({ length: 7 }, (_, n) => record(n));
    await writeSearchIndex(records, output, { shardSize: 3, processes: 2 });
    expect([output, join(output, "shard-1"), join(output, "shard-2")].map(pageCount)).toEqual([3, 3, 1]);
    expect(existsSync(join(output, "shard-3"))).toBe(false);
    expect(existsSync(join(output, "pagefind.js"))).toBe(true);
    // Pagefind's own UIs are not shipped.
    expect(existsSync(join(output, "pagefind-ui.js"))).toBe(false);
  }, 60_000);

  it("keeps the shards whose records did not change, and removes shards that no longer exist", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "archive-indexer-")), "pagefind");
    const written = new Map<string, readonly SearchRecord[]>();
    const records = Array.from({ length: 6 }, (_, n) => record(n));
    await writeSearchIndex(records, output, { shardSize: 2, processes: 2, written });
    const entries = ["", "shard-1", "shard-2"].map((dir) => join(output, dir, "pagefind-entry.json"));
    const before = entries.map((file) => statSync(file).mtimeMs);
    expect([...written.keys()]).toEqual(["", "shard-1/", "shard-2/"]);

    // Records 2 and 3 make shard 1 (dates in order); only it changes.
    const edited = records.map((entry, n) => (n === 3 ? { ...entry, content: `${entry.content} تعديل` } : entry));
    await writeSearchIndex(edited, output, { shardSize: 2, processes: 2, written });
    expect(entries.map((file, n) => statSync(file).mtimeMs === before[n])).toEqual([true, false, true]);
    expect(existsSync(join(output, "shard-1", "fragment"))).toBe(true);

    // Kept means the very same record objects (the development server keeps a
    // document's record until the document changes): equal copies are written again.
    const middle = entries.map((file) => statSync(file).mtimeMs);
    await writeSearchIndex(edited.map((entry, n) => (n < 2 ? { ...entry } : entry)), output, { shardSize: 2, processes: 2, written });
    expect(entries.map((file, n) => statSync(file).mtimeMs === middle[n])).toEqual([false, true, true]);

    await writeSearchIndex(edited.slice(0, 4), output, { shardSize: 2, processes: 2, written });
    expect(existsSync(join(output, "shard-2"))).toBe(false);
    expect([...written.keys()].sort()).toEqual(["", "shard-1/"]);
    expect(pageCount(output) + pageCount(join(output, "shard-1"))).toBe(4);
  }, 60_000);

  it("fails with what Pagefind printed when a shard cannot be indexed", async () => {
    const root = mkdtempSync(join(tmpdir(), "archive-indexer-"));
    // An indexer that fails as Pagefind does, with its words on stderr and a non-zero exit code.
    const failing = join(root, "failing-indexer");
    writeFileSync(failing, "#!/bin/sh\necho 'Error: No space left on device' >&2\nexit 3\n", { mode: 0o755 });
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = failing;
    try {
      const indexing = writeSearchIndex([record(1), record(2), record(3)], join(root, "pagefind"), { shardSize: 1, processes: 2 });
      await expect(indexing).rejects.toThrow(/Pagefind could not index .*pagefind \(exit code 3\):\nError: No space left on device$/);
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
  }, 60_000);

  it("writes an empty index when there are no records, so the search page still loads", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "archive-indexer-")), "pagefind");
    await writeSearchIndex([], output);
    expect(pageCount(output)).toBe(0);
    expect(existsSync(join(output, "pagefind.js"))).toBe(true);
  }, 60_000);
});

describe("indexRecords", () => {
  it("builds each record once, shard by shard, from items cut by their keys, and writes what writeSearchIndex writes", async () => {
    const root = mkdtempSync(join(tmpdir(), "archive-indexer-"));
    const records = Array.from({ length: 5 }, (_, n) => record(n));
    const items = records.map((_, n) => n).reverse();
    const built: number[] = [];
    const recordOf = (n: number): SearchRecord => {
      built.push(n);
      return record(n);
    };
    await indexRecords({ items, keyOf: (n) => ({ date: record(n).sort.date!, url: record(n).url }), recordOf }, join(root, "lazy"), { shardSize: 2, processes: 2 });
    await writeSearchIndex(records, join(root, "eager"), { shardSize: 2, processes: 2 });
    // Shard by shard, in date order: records 0-1, then 2-3, then 4.
    expect(built).toEqual([0, 1, 2, 3, 4]);
    for (const dir of ["", "shard-1", "shard-2"]) {
      expect(readFileSync(join(root, "lazy", dir, "pagefind-entry.json"), "utf8")).toEqual(readFileSync(join(root, "eager", dir, "pagefind-entry.json"), "utf8"));
    }
  }, 60_000);

  it("rethrows when a record cannot be built, once the shards already handed over are done", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "archive-indexer-")), "pagefind");
    const recordOf = (n: number): SearchRecord => {
      if (n === 3) throw new Error("record 3 is broken");
      return record(n);
    };
    await expect(indexRecords({ items: [0, 1, 2, 3], keyOf: (n) => ({ date: record(n).sort.date!, url: record(n).url }), recordOf }, output, { shardSize: 2, processes: 2 })).rejects.toThrow(
      "record 3 is broken",
    );
  }, 60_000);
});

describe("searchProcessCount", () => {
  it("is 1 for a build and 2 under the development server, unless ARCHIVE_SEARCH_PROCESSES says otherwise", () => {
    expect(searchProcessCount({})).toBe(1);
    expect(searchProcessCount({}, true)).toBe(2);
    expect(searchProcessCount({ ARCHIVE_SEARCH_PROCESSES: "3" }, true)).toBe(3);
    expect(() => searchProcessCount({ ARCHIVE_SEARCH_PROCESSES: "two" })).toThrow(/ARCHIVE_SEARCH_PROCESSES must be a positive integer/);
  });
});
