// Search, built into the one build: after Eleventy writes the pages, the
// Pagefind index of the documents is written into the output (also under
// `npm start`, after every rebuild), with the browser files that use it.
import { resolve } from "node:path";
import { memoizeByObject } from "../arabic/memo.ts";
import type { EleventyConfig } from "../eleventy.ts";
import { writeOutputFile } from "../build/output.ts";
import { timed, timedSync } from "../build/timings.ts";
import type { Project } from "../project.ts";
import { buildSearchAssets, filterCounts, PAGEFIND_DIR, type SearchAssets } from "./browser.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import { indexRecords, type IndexOptions } from "./indexer.ts";
import { filterLabels, searchRecord, sortDateOf, type SearchRecord } from "./records.ts";
import { searchProcessCount, searchShardSize, shardDir, type ShardKey } from "./shards.ts";

/** Builds a document's search record; under the development server, once per version of the document. */
type RecordMaker = (document: ArchiveDocument) => SearchRecord;

/**
 * Start indexing the scanned documents. Each shard's records are built
 * when it is next in line (the first ones before this returns), written as
 * pages for Pagefind and let go, so the build holds at most two shards'
 * worth while it renders.
 */
function startIndexing(project: Project, makeRecord: RecordMaker, outputPath: string, options: IndexOptions): Promise<void> {
  return indexRecords({ items: project.scan.documents, keyOf: documentShardKey, recordOf: makeRecord }, outputPath, options);
}

/** A document's place in the shard cut: its record's (recordKey), known before the record is built. */
const documentShardKey = (document: ArchiveDocument): ShardKey => ({ date: sortDateOf(document), url: document.url });

export function searchIndex(config: EleventyConfig, project: Project): void {
  let assets: SearchAssets | undefined;
  let indexing: Promise<void> | undefined;
  // What the previous build wrote into the same output: the development
  // server rebuilds into it after every save.
  const written = new Map<string, readonly SearchRecord[]>();
  const makeRecord = (document: ArchiveDocument): SearchRecord => searchRecord(document, project.viewContext);
  // The archive keeps unchanged documents from one scan to the next, so under
  // the development server their records are kept with them.
  const keptRecord = memoizeByObject(makeRecord);
  config.addGlobalData("searchAssets", () => assets?.urls);

  // Pagefind works from the documents in memory, not from the rendered pages,
  // so it runs in processes of its own while Eleventy renders: they share the
  // machine's cores instead of taking turns.
  config.on("eleventy.before", async ({ directories, runMode }) => {
    await project.scanned;
    const developing = runMode !== "build";
    const shardSize = searchShardSize(process.env, developing);
    const processes = searchProcessCount(process.env, developing);
    const shardCount = Math.max(1, Math.ceil(project.scan.documents.length / shardSize));
    const started = timedSync("search records (built and handed to Pagefind)", () =>
      developing
        ? startIndexing(project, keptRecord, resolve(directories.output, PAGEFIND_DIR), { shardSize, processes, written })
        : startIndexing(project, makeRecord, resolve(directories.output, PAGEFIND_DIR), { shardSize, processes }),
    );
    indexing = timed("pagefind (alongside rendering)", () => started);
    // Failures surface in eleventy.after, where the build waits for the index.
    indexing.catch(() => undefined);
    assets = await buildSearchAssets(
      { ...filterLabels(project.viewContext), counts: filterCounts(project.scan.documents, project.viewContext.registry) },
      Array.from({ length: shardCount - 1 }, (_, n) => shardDir(n + 1)),
    );
  });

  config.on("eleventy.after", async ({ directories }) => {
    await timed("pagefind (waited for after rendering)", () => indexing);
    for (const [path, content] of assets?.files ?? []) writeOutputFile(directories.output, path, content);
  });
}
