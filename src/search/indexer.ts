// Writing the search index: the records cut into shards (shards.ts), each
// shard's records written as pages and indexed by Pagefind's own CLI
// (pagefindCli.ts), at most `processes` shards at once, the first starting
// as soon as its pages are written. A shard made of the very records it was
// last written from, and whose bundle is still there, is kept: under
// `npm start`, which keeps each document's record until the document
// changes, a save re-indexes only the shard the document is in.
import { sameValues } from "../arabic/memo.ts";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indexShard, writeRecordPages, type ShardSite } from "./pagefindCli.ts";
import type { SearchRecord } from "./records.ts";
import { cutShards, isShardFolder, recordKey, searchProcessCount, searchShardSize, shardDir, type ShardKey } from "./shards.ts";

export interface IndexOptions {
  shardSize?: number;
  processes?: number;
  /**
   * The records of each shard the last call wrote into the same
   * `outputPath`, by shard folder; updated in place. Without it every shard
   * is written.
   */
  written?: Map<string, readonly SearchRecord[]>;
}

/**
 * A shard to index: where its bundle goes and its pages' URLs and dates;
 * how its pages are made (its records built and written as pages), which
 * waits until the shard is next in line, so only the shard being indexed and
 * the next one are ever held as pages; and what to remember once it is
 * written.
 */
interface QueuedShard extends Omit<ShardSite, "pagesWritten"> {
  dir: string;
  records: readonly SearchRecord[];
  writePages: () => Promise<void>;
  pagesWritten?: Promise<void>;
}

/** The shard's pages, made once: started the first time they are asked for. */
function pagesOf(shard: QueuedShard): Promise<void> {
  if (!shard.pagesWritten) {
    shard.pagesWritten = shard.writePages();
    shard.pagesWritten.catch(() => undefined); // awaited, and reported, by the shard's indexing
  }
  return shard.pagesWritten;
}

/** Remove what shard 0 (the folder itself) holds, leaving the other shards' folders. */
function emptyShard(outputPath: string, dir: string): void {
  const path = join(outputPath, dir);
  if (dir !== "" || !existsSync(path)) return rmSync(path, { recursive: true, force: true });
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!(entry.isDirectory() && isShardFolder(entry.name))) rmSync(join(path, entry.name), { recursive: true, force: true });
  }
}

/**
 * Index shards from `queue` one after another until none is left, the next
 * shard's pages made while one is indexed; on a failure the other indexers
 * stop after their current shard.
 */
async function indexFromQueue(queue: QueuedShard[], work: string): Promise<void> {
  for (let shard = queue.shift(); shard; shard = queue.shift()) {
    const indexing = indexShard({ ...shard, pagesWritten: pagesOf(shard) }, work);
    await null; // an indexer starts while the queue is being filled, in this same turn
    if (queue[0]) void pagesOf(queue[0]);
    try {
      await indexing;
    } catch (error) {
      queue.length = 0;
      throw error;
    }
  }
}

/** What an index is written from: items, where each goes in the shard cut, and its record. */
export interface RecordSource<T> {
  items: readonly T[];
  keyOf(item: T): ShardKey;
  recordOf(item: T): SearchRecord;
}

/**
 * The items cut into shards; each shard that needs indexing is handed to
 * `queued` with where its bundle goes (emptied first, so no stale chunk
 * survives) and how its pages are made: its records are built when it is
 * next in line (at once when `written` compares them), and let go once
 * written as pages. Folders of shards that no longer exist are removed.
 */
function prepareShards<T>(source: RecordSource<T>, outputPath: string, work: string, shardSize: number, written: Map<string, readonly SearchRecord[]> | undefined, queued: (shard: QueuedShard) => void): void {
  const shards = cutShards(source.items, shardSize, source.keyOf);
  const dirs = new Set<string>();
  shards.forEach((items, n) => {
    const dir = shardDir(n);
    dirs.add(dir);
    // Built now only when they are compared with the last call's: the same
    // record objects, in the same order, compared without reading them.
    const compared = written ? items.map(source.recordOf) : undefined;
    const before = written?.get(dir);
    if (before !== undefined && compared && sameValues(before, compared) && existsSync(join(outputPath, dir, "pagefind-entry.json"))) return;
    written?.delete(dir);
    emptyShard(outputPath, dir);
    const site = items.length > 0 ? join(work, `shard-${n}`) : null;
    const writePages = async (): Promise<void> => {
      if (site !== null) await writeRecordPages(compared ?? items.map(source.recordOf), site);
    };
    // The records are remembered only when a later call will compare them.
    queued({ site, writePages, outputPath: join(outputPath, dir), pages: items.map(source.keyOf), dir, records: compared ?? [] });
  });
  for (const dir of [...(written?.keys() ?? [])]) if (!dirs.has(dir)) written?.delete(dir);
  if (existsSync(outputPath)) {
    for (const entry of readdirSync(outputPath)) {
      if (isShardFolder(entry) && !dirs.has(`${entry}/`)) rmSync(join(outputPath, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Index `source` with Pagefind and write its bundle to `outputPath`: one
 * bundle, or with more items than the shard size one per shard (see
 * cutShards, shardDir), at most `processes` shards at once. The first
 * shards' records are built before this returns, the others' while the
 * shards before them are indexed; the promise settles when every shard is
 * written. The shards' pages are removed with their folder.
 */
export function indexRecords<T>(source: RecordSource<T>, outputPath: string, options: IndexOptions = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "archive-search-"));
  const processes = options.processes ?? searchProcessCount();
  const queue: QueuedShard[] = [];
  const jobs: QueuedShard[] = [];
  const running: Promise<void>[] = [];
  try {
    prepareShards(source, outputPath, work, options.shardSize ?? searchShardSize(), options.written, (job) => {
      jobs.push(job);
      queue.push(job);
      if (running.length < processes) running.push(indexFromQueue(queue, work));
    });
  } catch (error) {
    queue.length = 0; // indexers already started stop after their shard
    // The folder goes once nothing writes into it any more.
    return Promise.allSettled([...running, ...jobs.flatMap((job) => job.pagesWritten ?? [])]).then(() => {
      rmSync(work, { recursive: true, force: true });
      throw error;
    });
  }
  // Every indexer has stopped before the pages' folder goes, even after a failure.
  return Promise.allSettled(running)
    .then((settled) => {
      const failed = settled.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      for (const job of jobs) options.written?.set(job.dir, job.records);
    })
    .finally(() => rm(work, { recursive: true, force: true }));
}

/** Index records (see indexRecords). */
export function writeSearchIndex(records: readonly SearchRecord[], outputPath: string, options: IndexOptions = {}): Promise<void> {
  return indexRecords({ items: records, keyOf: recordKey, recordOf: (record) => record }, outputPath, options);
}
