// The indexing runner: a process of its own, started by indexer.ts with the
// list of shards to index (their pages already written), which runs
// Pagefind's CLI over each, at most `processes` at once, removes the pages
// and writes the shards' date orders. In the build's own process this chain
// stalled: a finished CLI, a removed folder or a read file is an event that
// the build's event loop only sees between Eleventy's renders, and a
// 50,000-document build indexed its first shard and then nothing for the
// minutes of rendering. Here nothing else holds the loop. It imports only
// what indexing needs, so it starts in a fraction of a second.
import { readFileSync } from "node:fs";
import { indexShard, type ShardSite } from "./pagefindCli.ts";

/** What the runner is given, as a JSON file: the shards, how many at once, and the working folder (Pagefind's CLI runs in it). */
export interface IndexingJob {
  shards: ShardSite[];
  processes: number;
  work: string;
}

/** Index every shard of the job, at most `processes` at once; on the first failure the others stop after their current shard. */
export async function runIndexing({ shards, processes, work }: IndexingJob): Promise<void> {
  const queue = [...shards];
  const indexer = async (): Promise<void> => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) {
      try {
        await indexShard(shard, work);
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(processes, shards.length)) }, indexer));
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

/** The argument that names the job file: `--job=<file>`. */
export const JOB_ARGUMENT = "--job=";

const jobFile = process.argv.find((arg) => arg.startsWith(JOB_ARGUMENT))?.slice(JOB_ARGUMENT.length);
if (jobFile) {
  runIndexing(JSON.parse(readFileSync(jobFile, "utf8")) as IndexingJob).catch((error: unknown) => {
    // The build reports this text as the indexing's failure.
    process.stderr.write(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
