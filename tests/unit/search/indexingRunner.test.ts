// The indexing runner's queue (src/search/indexingRunner.ts): shards are
// handed over one at a time while the build writes them, and indexers wait
// for the next one until the build says there are no more.
import { describe, expect, it } from "vitest";
import { ShardQueue } from "../../../src/search/indexingRunner.ts";
import type { ShardSite } from "../../../src/search/pagefindCli.ts";

const shard = (n: number): ShardSite => ({ site: `/tmp/work/shard-${n}`, outputPath: `/tmp/site/pagefind/shard-${n}`, pages: [] });

describe("ShardQueue", () => {
  it("gives shards in the order they came, to whoever waits first, and undefined once ended", async () => {
    const queue = new ShardQueue();
    const first = queue.next();
    const second = queue.next();
    queue.add(shard(0));
    queue.add(shard(1));
    queue.add(shard(2));
    expect(await first).toEqual(shard(0));
    expect(await second).toEqual(shard(1));
    queue.end();
    expect(await queue.next()).toEqual(shard(2));
    expect(await queue.next()).toBeUndefined();
  });

  it("drops the shards not yet started when it ends after a failure, and wakes every waiting indexer", async () => {
    const queue = new ShardQueue();
    queue.add(shard(0));
    queue.add(shard(1));
    expect(await queue.next()).toEqual(shard(0));
    queue.end(true);
    expect(await queue.next()).toBeUndefined();
    const idle = new ShardQueue();
    const waiting = [idle.next(), idle.next()];
    idle.end();
    expect(await Promise.all(waiting)).toEqual([undefined, undefined]);
  });
});
