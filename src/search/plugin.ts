// Search, built into the one build: after Eleventy writes the pages, the
// Pagefind index of the documents is written into the output (also under
// `npm start`, after every rebuild), with the browser files that use it.
import { readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "../eleventy.ts";
import { writeOutputFile } from "../build/output.ts";
import { timed, timedSync } from "../build/timings.ts";
import type { Project } from "../project.ts";
import { buildSearchAssets, PAGEFIND_DIR, SHARD_PREFIX, type SearchAssets } from "./browser.ts";
import { filterLabels, searchRecord, UNDATED_SORT_KEY, type SearchRecord } from "./records.ts";

/** Pagefind's Default, Modular and Component UIs and its highlighter: not used, not shipped. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/**
 * Most documents one Pagefind index holds. Pagefind's memory grows with the
 * documents of an index (about 0.5 MB each: 1.6 GB for 3,000, 4.9 GB for
 * 10,000) and its time faster still, so larger corpora are indexed as several
 * indexes of at most this many documents, one after the other, which the
 * browser searches together. ARCHIVE_SEARCH_SHARD_SIZE overrides it (tests).
 */
export const SEARCH_SHARD_SIZE = 2000;

/** The shard size: ARCHIVE_SEARCH_SHARD_SIZE when it is a positive integer, else SEARCH_SHARD_SIZE. */
export function searchShardSize(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.ARCHIVE_SEARCH_SHARD_SIZE;
  if (value === undefined || value === "") return SEARCH_SHARD_SIZE;
  if (!/^[1-9][0-9]*$/.test(value)) throw new Error(`ARCHIVE_SEARCH_SHARD_SIZE must be a positive integer, not "${value}"`);
  return Number(value);
}

const byUrl = (a: SearchRecord, b: SearchRecord): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Records split into shards of at most `size`, each in URL order (Pagefind
 * numbers pages in the order they arrive). One shard when they fit: the same
 * index as ever. Otherwise shards are cut in date order (sort key, then URL),
 * so a date-sorted search is each shard's sorted results, shard after shard;
 * all shards but the last hold exactly `size` records.
 */
export function shardRecords<T extends SearchRecord>(records: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search shard size must be a positive integer, not ${size}`);
  if (records.length <= size) return [[...records].sort(byUrl)];
  const dated = [...records].sort((a, b) => {
    const x = a.sort.date ?? UNDATED_SORT_KEY;
    const y = b.sort.date ?? UNDATED_SORT_KEY;
    return x < y ? -1 : x > y ? 1 : byUrl(a, b);
  });
  const shards: T[][] = [];
  for (let from = 0; from < dated.length; from += size) shards.push(dated.slice(from, from + size).sort(byUrl));
  return shards;
}

/** Where shard `n` is written, under the Pagefind directory: shard 0 in it, the others in shard-<n>/. */
export function shardDir(n: number): string {
  return n === 0 ? "" : `${SHARD_PREFIX}${n}/`;
}

/** Index one shard with its own Pagefind service and write its bundle to `outputPath`. */
async function writeShard(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: "ar" });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // Pagefind also writes its own ready-made UIs; ours is layouts/assets/search-ui.js.
    for (const name of readdirSync(outputPath)) if (UNUSED_FILES.test(name)) rmSync(join(outputPath, name));
  } finally {
    await index.deleteIndex();
    // Closing the service frees its memory: a build holds one shard at a time.
    await pagefind.close();
  }
}

/**
 * Index records with Pagefind and write its bundle to `outputPath` (emptied
 * first, so no stale chunk survives): one bundle, or with more records than
 * `shardSize` one per shard (see shardRecords, shardDir), built one after the other.
 */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string, shardSize = searchShardSize()): Promise<void> {
  const shards = shardRecords(records, shardSize);
  rmSync(outputPath, { recursive: true, force: true });
  for (const [n, shard] of shards.entries()) await writeShard(shard, join(outputPath, shardDir(n)));
}

export function searchIndex(config: EleventyConfig, project: Project): void {
  let assets: SearchAssets | undefined;
  let indexing: Promise<void> | undefined;
  config.addGlobalData("searchAssets", () => assets?.urls);

  // Pagefind works from the documents in memory, not from the rendered pages,
  // so it runs in its own process while Eleventy renders: the two share the
  // machine's cores instead of taking turns.
  config.on("eleventy.before", async ({ directories }) => {
    const records = timedSync("search records", () => project.scan.documents.map((document) => searchRecord(document, project.viewContext)));
    const shardSize = searchShardSize();
    const shardCount = Math.max(1, Math.ceil(records.length / shardSize));
    assets = await buildSearchAssets(filterLabels(project.viewContext), Array.from({ length: shardCount - 1 }, (_, n) => shardDir(n + 1)));
    const outputPath = resolve(directories.output, PAGEFIND_DIR);
    indexing = timed("pagefind (alongside rendering)", () => writeSearchIndex(records, outputPath, shardSize));
    // Failures surface in eleventy.after, where the build waits for the index.
    indexing.catch(() => undefined);
  });

  config.on("eleventy.after", async ({ directories }) => {
    await timed("pagefind (waited for after rendering)", () => indexing);
    for (const [path, content] of assets?.files ?? []) writeOutputFile(directories.output, path, content);
  });
}
