// Large corpora are indexed as several Pagefind indexes (shards.ts): how the
// records are split, where each shard goes, and how the UI learns of them.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { layoutsDir } from "../../../src/project.ts";
import { searchUiSource } from "../../../src/search/browser.ts";
import { DEV_SEARCH_SHARD_SIZE, isShardFolder, SEARCH_SHARD_SIZE, searchShardSize, shardDir, shardRecords } from "../../../src/search/shards.ts";
import type { SearchRecord } from "../../../src/search/records.ts";

function record(n: number, date?: string): SearchRecord {
  return { url: `/documents/${String(n).padStart(4, "0")}/`, content: "نص", language: "ar", meta: {}, filters: {}, sort: date === undefined ? {} : { date } };
}

/** Deterministic records with shuffled URLs and dates, some undated, some sharing a date. */
function records(count: number): SearchRecord[] {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: SearchRecord[] = [];
  for (let n = 0; n < count; n++) {
    const r = random();
    out.push(record((n * 7919) % 10007, r < 0.1 ? undefined : r < 0.2 ? "0000" : `20${String(10 + Math.floor(r * 15))}-0${1 + (n % 9)}-1${n % 10}`));
  }
  return out;
}

const urls = (shard: SearchRecord[]): string[] => shard.map((r) => r.url);
const dateOf = (r: SearchRecord): string => r.sort.date ?? "0000";

describe("shardRecords", () => {
  it("keeps a corpus that fits in one shard, in URL order", () => {
    const input = records(50);
    const shards = shardRecords(input, 50);
    expect(shards).toHaveLength(1);
    expect(urls(shards[0]!)).toEqual(urls(input).sort());
    expect(shardRecords([], 10)).toEqual([[]]);
  });

  it("cuts larger corpora into full shards in date order, each in URL order", () => {
    const input = records(103);
    const shards = shardRecords(input, 25);
    expect(shards.map((shard) => shard.length)).toEqual([25, 25, 25, 25, 3]);
    // Every record once.
    expect(shards.flat().map((r) => r.url).sort()).toEqual(urls(input).sort());
    for (const shard of shards) expect(urls(shard)).toEqual(urls(shard).sort());
    // No date in a shard is later than a date in the next one (undated first).
    for (let n = 1; n < shards.length; n++) {
      const latest = shards[n - 1]!.map(dateOf).sort().at(-1)!;
      const earliest = shards[n]!.map(dateOf).sort()[0]!;
      expect(latest <= earliest).toBe(true);
    }
  });

  it("is deterministic: the same shards whatever order the records come in", () => {
    const input = records(90);
    expect(shardRecords([...input].reverse(), 20)).toEqual(shardRecords(input, 20));
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => shardRecords(records(3), 0)).toThrow(/positive integer/);
    expect(() => shardRecords(records(3), 1.5)).toThrow(/positive integer/);
  });
});

describe("shard size and places", () => {
  it("reads ARCHIVE_SEARCH_SHARD_SIZE, else the default", () => {
    expect(searchShardSize({})).toBe(SEARCH_SHARD_SIZE);
    expect(searchShardSize({ ARCHIVE_SEARCH_SHARD_SIZE: "" })).toBe(SEARCH_SHARD_SIZE);
    expect(searchShardSize({ ARCHIVE_SEARCH_SHARD_SIZE: "3" })).toBe(3);
    expect(() => searchShardSize({ ARCHIVE_SEARCH_SHARD_SIZE: "0" })).toThrow(/positive integer/);
    expect(() => searchShardSize({ ARCHIVE_SEARCH_SHARD_SIZE: "many" })).toThrow(/positive integer/);
    // Smaller under the development server, unless the setting says otherwise.
    expect(searchShardSize({}, true)).toBe(DEV_SEARCH_SHARD_SIZE);
    expect(DEV_SEARCH_SHARD_SIZE).toBeLessThan(SEARCH_SHARD_SIZE);
    expect(searchShardSize({ ARCHIVE_SEARCH_SHARD_SIZE: "3" }, true)).toBe(3);
  });

  it("writes shard 0 as the bundle itself and the others beneath it", () => {
    expect(shardDir(0)).toBe("");
    expect(shardDir(1)).toBe("shard-1/");
    expect(shardDir(12)).toBe("shard-12/");
    expect(["shard-1", "shard-12", "shard-0", "shard-01", "shard-", "fragment", "shard-2x"].filter(isShardFolder)).toEqual(["shard-1", "shard-12"]);
  });

  it("lists the further shards in search-ui.js only when there are any", () => {
    const source = "const A = 1;\nconst SHARDS = [];\nexport {};\n";
    expect(searchUiSource(source, [])).toBe(source);
    expect(searchUiSource(source, ["shard-1/", "shard-2/"])).toBe('const A = 1;\nconst SHARDS = ["shard-1/","shard-2/"];\nexport {};\n');
    expect(() => searchUiSource("const A = 1;\n", ["shard-1/"])).toThrow(/SHARDS/);
    const real = readFileSync(join(layoutsDir, "assets/search-ui.js"), "utf8");
    expect(searchUiSource(real, ["shard-1/"])).toContain('const SHARDS = ["shard-1/"];');
  });
});
