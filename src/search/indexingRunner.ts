// The indexing runner: a process of its own, started by indexer.ts, which
// is handed the shards to index one line at a time on its standard input
// (each as soon as its pages are written) and runs Pagefind's CLI over each,
// at most `processes` at once, removes the pages and writes the shards' date
// orders. In the build's own process this chain stalled: a finished CLI, a
// removed folder or a read file is an event that the build's event loop only
// sees between Eleventy's renders, and a 50,000-document build indexed its
// first shard and then nothing for the minutes of rendering. Here nothing
// else holds the loop. It imports only what indexing needs, so it starts in
// a fraction of a second.
import { createInterface } from "node:readline";
import { indexShard, type ShardSite } from "./pagefindCli.ts";

/** The runner's arguments: how many shards at once, and the working folder (Pagefind's CLI runs in it). */
export const PROCESSES_ARGUMENT = "--processes=";
export const WORK_ARGUMENT = "--work=";

/** Shards as they arrive; `next()` waits for one, and gives undefined once no more will come. */
export class ShardQueue {
  #shards: ShardSite[] = [];
  #waiting: ((shard: ShardSite | undefined) => void)[] = [];
  #ended = false;

  add(shard: ShardSite): void {
    const waiting = this.#waiting.shift();
    if (waiting) waiting(shard);
    else this.#shards.push(shard);
  }

  /** No more shards: those waiting get undefined; after a failure, the shards not yet started are dropped too. */
  end(dropWaiting = false): void {
    this.#ended = true;
    if (dropWaiting) this.#shards.length = 0;
    for (const waiting of this.#waiting.splice(0)) waiting(undefined);
  }

  next(): Promise<ShardSite | undefined> {
    const shard = this.#shards.shift();
    if (shard || this.#ended) return Promise.resolve(shard);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

/** Index the shards of `queue` as they come, at most `processes` at once; on the first failure the others stop after their current shard. */
export async function runIndexing(queue: ShardQueue, processes: number, work: string): Promise<void> {
  const indexer = async (): Promise<void> => {
    for (let shard = await queue.next(); shard; shard = await queue.next()) {
      try {
        await indexShard(shard, work);
      } catch (error) {
        queue.end(true);
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, processes) }, indexer));
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

const argument = (prefix: string): string | undefined => process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
const work = argument(WORK_ARGUMENT);
if (work !== undefined) {
  const queue = new ShardQueue();
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => queue.add(JSON.parse(line) as ShardSite));
  lines.on("close", () => queue.end());
  runIndexing(queue, Number(argument(PROCESSES_ARGUMENT) ?? 1), work).catch((error: unknown) => {
    // The build reports this text as the indexing's failure.
    process.stderr.write(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    lines.close();
    process.stdin.destroy();
  });
}
