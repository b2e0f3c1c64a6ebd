// The Pagefind indexing process, forked by indexer.ts. Indexing runs here,
// not in the build's own process, so that Eleventy's rendering never holds up
// the messages to Pagefind's service (both share one event loop otherwise)
// and so that several shards can be indexed at once. The parent sends one
// shard at a time and waits for the answer before sending the next.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.ts";

export interface ShardJob {
  records: readonly SearchRecord[];
  outputPath: string;
}

/**
 * What the parent sends: where it wrote the shard's records (v8-serialized)
 * and where the bundle goes. The records travel through a file because a
 * large IPC message only moves while the parent's event loop is free, and
 * during a build it is busy rendering.
 */
export interface ShardFile {
  recordsFile: string;
  outputPath: string;
}

export type ShardAnswer = { written: string } | { error: string };

/** Pagefind's Default, Modular and Component UIs and its highlighter: not used, not shipped. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/**
 * How many records are on their way to Pagefind's service at once. Sending
 * a whole shard together queued every message (JSON, then base64) in the
 * pipe's buffer at once: about 90 MB for 2,500 records in this process. A
 * window keeps the service busy with a bounded queue; records go in order,
 * so Pagefind numbers the pages as before.
 */
export const RECORDS_IN_FLIGHT = 32;

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** Add every record, in order, at most RECORDS_IN_FLIGHT at a time; the first failure names its page. */
async function addRecords(index: Index, records: readonly SearchRecord[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < records.length) {
      const record = records[next++] as SearchRecord;
      const result = await index.addCustomRecord(record);
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${result.errors.join("; ")}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(RECORDS_IN_FLIGHT, records.length) }, lane));
}

/** Index one shard with a Pagefind service of its own and write its bundle to `outputPath`. */
export async function writeShard({ records, outputPath }: ShardJob): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: "ar" });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    await addRecords(index, records);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // Pagefind also writes its own ready-made UIs; ours is layouts/assets/search-ui.js.
    for (const name of readdirSync(outputPath)) if (UNUSED_FILES.test(name)) rmSync(join(outputPath, name));
  } finally {
    await index.deleteIndex();
    // Closing the service frees its memory: this process holds one shard at a time.
    await pagefind.close();
  }
}

/** The job a shard file describes; the file is removed once read. */
export function readShardFile({ recordsFile, outputPath }: ShardFile): ShardJob {
  const records = deserialize(readFileSync(recordsFile)) as SearchRecord[];
  rmSync(recordsFile, { force: true });
  return { records, outputPath };
}

if (process.send) {
  process.on("message", (job: ShardFile) => {
    Promise.resolve(job)
      .then((file) => writeShard(readShardFile(file)))
      .then(
      () => process.send?.({ written: job.outputPath } satisfies ShardAnswer),
      (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies ShardAnswer),
    );
  });
  process.on("disconnect", () => process.exit(0));
}
