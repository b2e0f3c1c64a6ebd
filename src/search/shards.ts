// How a large corpus is cut into several Pagefind indexes (shards), which the
// browser searches together (layouts/assets/search-ui.js).
import { SHARD_PREFIX } from "./browser.ts";
import { UNDATED_SORT_KEY, type SearchRecord } from "./records.ts";

/**
 * Most documents one Pagefind index holds. Pagefind's memory grows faster
 * than the documents of an index (measured on the synthetic corpus: 1.0 GB
 * for 2,000, 1.4 GB for 2,500, 1.9 GB for 3,400, 4.9 GB for 10,000), so
 * larger corpora are indexed as several indexes of at most this many
 * documents, which the browser merges into one Pagefind: each costs the
 * reader its own entry, metadata and index chunks (the runtime is fetched
 * once), so shards are as large as the 2 GB a process may take allows.
 * ARCHIVE_SEARCH_SHARD_SIZE overrides it.
 */
export const SEARCH_SHARD_SIZE = 2500;

/** A positive integer from the environment variable `name`, or `fallback` when it is unset. */
function positiveIntegerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return Number(value);
}

/**
 * The shard size under the development server (`npm start`): a save
 * re-indexes the one shard that holds the document, so smaller shards make
 * the index fresh sooner; readers never see these.
 */
export const DEV_SEARCH_SHARD_SIZE = 100;

/**
 * The shard size: ARCHIVE_SEARCH_SHARD_SIZE when it is a positive integer,
 * else DEV_SEARCH_SHARD_SIZE under the development server, else SEARCH_SHARD_SIZE.
 */
export function searchShardSize(env: NodeJS.ProcessEnv = process.env, developing = false): number {
  return positiveIntegerSetting(env, "ARCHIVE_SEARCH_SHARD_SIZE", developing ? DEV_SEARCH_SHARD_SIZE : SEARCH_SHARD_SIZE);
}

/**
 * How many Pagefind indexers run at the same time: ARCHIVE_SEARCH_PROCESSES,
 * else one for a build and two under the development server. Pagefind's CLI
 * works on every core itself, so a second one beside it and the rendering
 * only adds memory (10,000 documents, four shards: 62.9 s and a 3.0 GB tree
 * with one at a time; 76.8 s and 4.4 GB with two, in a noisier minute). The
 * development server's first build indexes many small shards, which spend
 * much of their time starting.
 */
export function searchProcessCount(env: NodeJS.ProcessEnv = process.env, developing = false): number {
  return positiveIntegerSetting(env, "ARCHIVE_SEARCH_PROCESSES", developing ? 2 : 1);
}

/** What shards are cut by: the date sort key, then the URL. */
export interface ShardKey {
  date: string;
  url: string;
}

const compareUrls = (a: ShardKey, b: ShardKey): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
export const compareKeys = (a: ShardKey, b: ShardKey): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareUrls(a, b));

/**
 * Items split into shards of at most `size`, each in URL order (Pagefind
 * numbers pages in the order they arrive). One shard when they fit: the same
 * index as ever. Otherwise shards are cut in date order (`keyOf`: sort key,
 * then URL), so a date-sorted search is each shard's sorted results, shard
 * after shard; all shards but the last hold exactly `size` items.
 */
export function cutShards<T>(items: readonly T[], size: number, keyOf: (item: T) => ShardKey): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search shard size must be a positive integer, not ${size}`);
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  const inUrlOrder = (part: typeof keyed): T[] => part.sort((a, b) => compareUrls(a.key, b.key)).map(({ item }) => item);
  if (keyed.length <= size) return [inUrlOrder(keyed)];
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const shards: T[][] = [];
  for (let from = 0; from < keyed.length; from += size) shards.push(inUrlOrder(keyed.slice(from, from + size)));
  return shards;
}

/** A record's place in the shard cut. */
export const recordKey = (record: SearchRecord): ShardKey => ({ date: record.sort.date ?? UNDATED_SORT_KEY, url: record.url });

/** Records cut into shards by cutShards(). */
export function shardRecords<T extends SearchRecord>(records: readonly T[], size: number): T[][] {
  return cutShards(records, size, recordKey);
}

/** Where shard `n` is written, under the Pagefind directory: shard 0 in it, the others in shard-<n>/. */
export function shardDir(n: number): string {
  return n === 0 ? "" : `${SHARD_PREFIX}${n}/`;
}

const SHARD_FOLDER = new RegExp(`^${SHARD_PREFIX}[1-9][0-9]*$`);

/** Whether a folder name in the Pagefind directory is one shardDir() gives. */
export function isShardFolder(name: string): boolean {
  return SHARD_FOLDER.test(name);
}
