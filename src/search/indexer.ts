// Writing the search index: the records cut into shards (shards.ts), each
// shard's records written as pages, and the shards indexed by Pagefind's own
// CLI (pagefindCli.ts) in a runner process of its own (indexingRunner.ts),
// at most `processes` at once. A shard made of the very records it was last
// written from, and whose bundle is still there, is kept: under
// `npm start`, which keeps each document's record until the document
// changes, a save re-indexes only the shard the document is in.
import { spawn } from "node:child_process";
import { sameValues } from "../arabic/memo.ts";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../project.ts";
import { writeRecordPages, type ShardSite } from "./pagefindCli.ts";
import { PROCESSES_ARGUMENT, WORK_ARGUMENT } from "./indexingRunner.ts";
import type { SearchRecord } from "./records.ts";
import { compareKeys, cutShards, isShardFolder, recordKey, searchProcessCount, searchShardSize, shardDir, type ShardKey } from "./shards.ts";

const RUNNER = fileURLToPath(new URL("./indexingRunner.ts", import.meta.url));

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

/** A shard to index, and what to remember once it is written. */
interface QueuedShard extends ShardSite {
  dir: string;
  records: readonly SearchRecord[];
}

/** Remove what shard 0 (the folder itself) holds, leaving the other shards' folders. */
function emptyShard(outputPath: string, dir: string): void {
  const path = join(outputPath, dir);
  if (dir !== "" || !existsSync(path)) return rmSync(path, { recursive: true, force: true });
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!(entry.isDirectory() && isShardFolder(entry.name))) rmSync(join(path, entry.name), { recursive: true, force: true });
  }
}

/** The indexing runner, started: hand it shards, then wait for it; it fails with what it reports. */
interface IndexingRunner {
  add(shard: ShardSite): void;
  /** No more shards; settles once every shard handed over is written. */
  finish(): Promise<void>;
  /** Stop at once (the build failed before every shard was handed over); settles when it has exited. */
  stop(): Promise<void>;
}

function startIndexingRunner(processes: number, work: string): IndexingRunner {
  const runner = spawn(process.execPath, ["--import", "tsx", RUNNER, `${PROCESSES_ARGUMENT}${processes}`, `${WORK_ARGUMENT}${work}`], { cwd: projectRoot, stdio: ["pipe", "inherit", "pipe"] });
  let reported = "";
  runner.stderr.on("data", (chunk: Buffer) => (reported += chunk.toString()));
  // A runner that failed early stops reading; its reason is in `reported`.
  runner.stdin.on("error", () => undefined);
  const exited = new Promise<void>((resolve, reject) => {
    runner.on("error", reject);
    runner.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(reported.trim() || `the search indexing process stopped (${signal ?? `exit code ${code}`})`));
    });
  });
  exited.catch(() => undefined); // reported by finish()
  return {
    // A line of a few hundred bytes: into the pipe at once, though the build's loop is busy.
    add: (shard) => void runner.stdin.write(`${JSON.stringify(shard)}\n`),
    finish: () => {
      runner.stdin.end();
      return exited;
    },
    stop: () => {
      runner.kill();
      return exited.catch(() => undefined);
    },
  };
}

/** What an index is written from: items, where each goes in the shard cut, and its record. */
export interface RecordSource<T> {
  items: readonly T[];
  keyOf(item: T): ShardKey;
  recordOf(item: T): SearchRecord;
}

/**
 * The items cut into shards; each shard that needs indexing has its records
 * built and written as pages for Pagefind's CLI (its bundle's folder emptied
 * first, so no stale chunk survives), and is handed to `queued`; its records
 * are let go once written. Folders of shards that no longer exist are
 * removed. Synchronous.
 */
function prepareShards<T>(source: RecordSource<T>, outputPath: string, work: string, shardSize: number, written: Map<string, readonly SearchRecord[]> | undefined, queued: (shard: QueuedShard) => void): void {
  const shards = cutShards(source.items, shardSize, source.keyOf);
  const dirs = new Set<string>();
  shards.forEach((items, n) => {
    const dir = shardDir(n);
    dirs.add(dir);
    const shard = items.map(source.recordOf);
    // The same record objects, in the same order: compared without reading them.
    const before = written?.get(dir);
    if (before !== undefined && sameValues(before, shard) && existsSync(join(outputPath, dir, "pagefind-entry.json"))) return;
    written?.delete(dir);
    emptyShard(outputPath, dir);
    const site = shard.length > 0 ? join(work, `shard-${n}`) : null;
    if (site !== null) writeRecordPages(shard, site);
    const pages = items.map(source.keyOf).sort(compareKeys);
    // The records are remembered only when a later call will compare them.
    queued({ site, outputPath: join(outputPath, dir), pages, dir, records: written ? shard : [] });
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
 * cutShards, shardDir), at most `processes` shards at once, the first
 * starting as soon as its pages are written. The records are built and
 * written as pages before this returns; the promise settles when every
 * shard is written. The pages are removed with their folder.
 */
export function indexRecords<T>(source: RecordSource<T>, outputPath: string, options: IndexOptions = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "archive-search-"));
  const shards: QueuedShard[] = [];
  // Started with the first shard to index: none when every shard is kept.
  let runner: IndexingRunner | undefined;
  try {
    // Each shard goes to the runner as soon as its pages are written.
    prepareShards(source, outputPath, work, options.shardSize ?? searchShardSize(), options.written, (shard) => {
      shards.push(shard);
      runner ??= startIndexingRunner(options.processes ?? searchProcessCount(), work);
      runner.add({ site: shard.site, outputPath: shard.outputPath, pages: shard.pages });
    });
  } catch (error) {
    return (runner?.stop() ?? Promise.resolve()).then(() => {
      rmSync(work, { recursive: true, force: true });
      throw error;
    });
  }
  return (runner?.finish() ?? Promise.resolve())
    .then(() => {
      for (const shard of shards) options.written?.set(shard.dir, shard.records);
    })
    .finally(() => rmSync(work, { recursive: true, force: true }));
}

/** Index records (see indexRecords). */
export function writeSearchIndex(records: readonly SearchRecord[], outputPath: string, options: IndexOptions = {}): Promise<void> {
  return indexRecords({ items: records, keyOf: recordKey, recordOf: (record) => record }, outputPath, options);
}
