// Writing the search index: the records cut into shards (shards.ts), each
// shard indexed in a Pagefind process of our own (pagefindProcess.ts), at
// most `processes` of them at once.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { projectRoot } from "../project.ts";
import type { ShardAnswer, ShardFile } from "./pagefindProcess.ts";
import type { SearchRecord } from "./records.ts";
import { searchProcessCount, searchShardSize, shardDir, shardRecords } from "./shards.ts";

const PROCESS_ENTRY = fileURLToPath(new URL("./pagefindProcess.ts", import.meta.url));

export interface IndexOptions {
  shardSize?: number;
  processes?: number;
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
 * The records cut into shards, each written to a file for an indexing
 * process, with where its bundle goes. `outputPath` is emptied first, so no
 * stale chunk survives. Synchronous, so the records are not kept alive while
 * the shards are indexed.
 */
function prepareShards(records: readonly SearchRecord[], outputPath: string, work: string, shardSize: number): ShardFile[] {
  rmSync(outputPath, { recursive: true, force: true });
  return shardRecords(records, shardSize).map((shard, n) => {
    const recordsFile = join(work, `shard-${n}.v8`);
    writeFileSync(recordsFile, serialize(shard));
    return { recordsFile, outputPath: join(outputPath, shardDir(n)) };
  });
}

/** Index prepared shards, at most `processes` at once; the shard files are removed with their folder `work`. */
async function indexShards(queue: ShardFile[], work: string, processes: number): Promise<void> {
  try {
    await Promise.all(Array.from({ length: Math.min(processes, queue.length) }, () => runIndexingProcess(queue)));
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
    const queue = prepareShards(records, outputPath, work, options.shardSize ?? searchShardSize());
    return indexShards(queue, work, options.processes ?? searchProcessCount());
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    return Promise.reject(error);
  }
}
