// Search, built into the one build: after Eleventy writes the pages, the
// Pagefind index of the documents is written into the output (also under
// `npm start`, after every rebuild), with the browser files that use it.
import { resolve } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { writeOutputFile } from "../build/output.ts";
import { timed, timedSync } from "../build/timings.ts";
import type { Project } from "../project.ts";
import { buildSearchAssets, PAGEFIND_DIR, type SearchAssets } from "./browser.ts";
import { writeSearchIndex } from "./indexer.ts";
import { filterLabels, searchRecord } from "./records.ts";
import { searchShardSize, shardDir } from "./shards.ts";

/**
 * Start indexing the scanned documents. The records are built, handed to
 * the indexing processes and let go before this returns, so the build does
 * not hold them while it renders.
 */
function startIndexing(project: Project, outputPath: string, shardSize: number): Promise<void> {
  const records = project.scan.documents.map((document) => searchRecord(document, project.viewContext));
  return writeSearchIndex(records, outputPath, { shardSize });
}

export function searchIndex(config: EleventyConfig, project: Project): void {
  let assets: SearchAssets | undefined;
  let indexing: Promise<void> | undefined;
  config.addGlobalData("searchAssets", () => assets?.urls);

  // Pagefind works from the documents in memory, not from the rendered pages,
  // so it runs in processes of its own while Eleventy renders: they share the
  // machine's cores instead of taking turns.
  config.on("eleventy.before", async ({ directories }) => {
    const shardSize = searchShardSize();
    const shardCount = Math.max(1, Math.ceil(project.scan.documents.length / shardSize));
    const started = timedSync("search records (built and handed to Pagefind)", () =>
      startIndexing(project, resolve(directories.output, PAGEFIND_DIR), shardSize),
    );
    indexing = timed("pagefind (alongside rendering)", () => started);
    // Failures surface in eleventy.after, where the build waits for the index.
    indexing.catch(() => undefined);
    assets = await buildSearchAssets(filterLabels(project.viewContext), Array.from({ length: shardCount - 1 }, (_, n) => shardDir(n + 1)));
  });

  config.on("eleventy.after", async ({ directories }) => {
    await timed("pagefind (waited for after rendering)", () => indexing);
    for (const [path, content] of assets?.files ?? []) writeOutputFile(directories.output, path, content);
  });
}
