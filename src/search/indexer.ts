// Writing the search index: the records cut into shards (shards.ts), each
// shard indexed in a Pagefind process of our own (pagefindProcess.ts), at
// most `processes` of them at once. A shard whose records are byte for byte
// those it was last written from, and whose bundle is still there, is kept:
// under `npm start` a save re-indexes only the shard the document is in.
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { projectRoot } from "../project.ts";
import type { ShardAnswer, ShardFile } from "./pagefindProcess.ts";
import type { SearchRecord } from "./records.ts";
import { isShardFolder, searchProcessCount, searchShardSize, shardDir, shardRecords } from "./shards.ts";

const PROCESS_ENTRY = fileURLToPath(new URL("./pagefindProcess.ts", import.meta.url));

export interface IndexOptions {
  shardSize?: number;
  processes?: number;
  /**
   * Digests of the shards the last call wrote into the same `outputPath`,
   * by shard folder; updated in place. Without it every shard is written.
   */
  written?: Map<string, string>;
}

/** A shard to index: its file for the process, and what to remember once it is written. */
interface QueuedShard extends ShardFile {
  dir: string;
  digest: string;
}

/** Remove what shard 0 (the folder itself) holds, leaving the other shards' folders. */
function emptyShard(outputPath: string, dir: string): void {
  const path = join(outputPath, dir);
  if (dir !== "" || !existsSync(path)) return rmSync(path, { recursive: true, force: true });
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!(entry.isDirectory() && isShardFolder(entry.name))) rmSync(join(path, entry.name), { recursive: true, force: true });
  }
}

/** Start one indexing process and give it jobs from `queue` until none is left. */
function runIndexingProcess(queue: ShardFile[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(PROCESS_ENTRY, [], {
      cwd: projectRoot,
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let current: ShardFile | undefined;
    let failure: Error | undefined;
    const next = (): void => {
      current = queue.shift();
      if (current) child.send(current);
      else child.disconnect();
    };
    child.on("message", (answer: ShardAnswer) => {
      if ("error" in answer) {
        failure = new Error(answer.error);
        queue.length = 0; // the other processes stop after their current shard
        child.disconnect();
      } else next();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (failure) reject(failure);
      else if (current) reject(new Error(`the Pagefind indexing process stopped (${signal ?? `exit code ${code}`}) while indexing ${current.outputPath}`));
      else resolve();
    });
    next();
  });
}

/**
 * The records cut into shards, each shard that needs indexing written to a
 * file for an indexing process, with where its bundle goes (emptied first,
 * so no stale chunk survives); folders of shards that no longer exist are
 * removed. Synchronous, so the records are not kept alive while the shards
 * are indexed.
 */
function prepareShards(records: readonly SearchRecord[], outputPath: string, work: string, shardSize: number, written: Map<string, string> | undefined): QueuedShard[] {
  const shards = shardRecords(records, shardSize);
  const queue: QueuedShard[] = [];
  const dirs = new Set<string>();
  shards.forEach((shard, n) => {
    const dir = shardDir(n);
    dirs.add(dir);
    // Of the records' JSON (v8.serialize() may write equal strings
    // differently), and only when a later call will compare it.
    const digest = written ? createHash("sha256").update(JSON.stringify(shard)).digest("hex") : "";
    if (written?.get(dir) === digest && existsSync(join(outputPath, dir, "pagefind-entry.json"))) return;
    written?.delete(dir);
    emptyShard(outputPath, dir);
    const recordsFile = join(work, `shard-${n}.v8`);
    writeFileSync(recordsFile, serialize(shard));
    queue.push({ recordsFile, outputPath: join(outputPath, dir), dir, digest });
  });
  for (const dir of [...(written?.keys() ?? [])]) if (!dirs.has(dir)) written?.delete(dir);
  if (existsSync(outputPath)) {
    for (const entry of readdirSync(outputPath)) {
      if (isShardFolder(entry) && !dirs.has(`${entry}/`)) rmSync(join(outputPath, entry), { recursive: true, force: true });
    }
  }
  return queue;
}

/** Index prepared shards, at most `processes` at once; the shard files are removed with their folder `work`. */
async function indexShards(queue: QueuedShard[], work: string, processes: number, written: Map<string, string> | undefined): Promise<void> {
  const jobs = [...queue];
  try {
    await Promise.all(Array.from({ length: Math.min(processes, queue.length) }, () => runIndexingProcess(queue)));
    for (const job of jobs) written?.set(job.dir, job.digest);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Index records with Pagefind and write its bundle to `outputPath`: one
 * bundle, or with more records than the shard size one per shard (see
 * shardRecords, shardDir). The records are read before this returns; the
 * promise settles when every shard is written.
 */
export function writeSearchIndex(records: readonly SearchRecord[], outputPath: string, options: IndexOptions = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "archive-search-"));
  try {
    const queue = prepareShards(records, outputPath, work, options.shardSize ?? searchShardSize(), options.written);
    return indexShards(queue, work, options.processes ?? searchProcessCount(), options.written);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    return Promise.reject(error);
  }
}
