// Search, built into the one build: after Eleventy writes the pages, the
// Pagefind index of the documents is written into the output (also under
// `npm start`, after every rebuild), with the browser files that use it.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "../eleventy.ts";
import { timed, timedSync } from "../build/timings.ts";
import type { Project } from "../project.ts";
import { buildSearchAssets, PAGEFIND_DIR, type SearchAssets } from "./browser.ts";
import { filterLabels, searchRecord, type SearchRecord } from "./records.ts";

/** Pagefind's Default, Modular and Component UIs and its highlighter: not used, not shipped. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Index records with Pagefind and write its bundle to `outputPath` (emptied first, so no stale chunk survives). */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: "ar" });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // Records in URL order: Pagefind numbers pages in the order they arrive.
    for (const record of [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join("; ")}`);
    }
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // Pagefind also writes its own ready-made UIs; ours is layouts/assets/search-ui.js.
    for (const name of readdirSync(outputPath)) if (UNUSED_FILES.test(name)) rmSync(join(outputPath, name));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

export function searchIndex(config: EleventyConfig, project: Project): void {
  let assets: SearchAssets | undefined;
  let indexing: Promise<void> | undefined;
  config.addGlobalData("searchAssets", () => assets?.urls);

  // Pagefind works from the documents in memory, not from the rendered pages,
  // so it runs in its own process while Eleventy renders: the two share the
  // machine's cores instead of taking turns.
  config.on("eleventy.before", async ({ directories }) => {
    assets = await buildSearchAssets(filterLabels(project.viewContext));
    const records = timedSync("search records", () => project.scan.documents.map((document) => searchRecord(document, project.viewContext)));
    const outputPath = resolve(directories.output, PAGEFIND_DIR);
    indexing = timed("pagefind (alongside rendering)", () => writeSearchIndex(records, outputPath));
    // Failures surface in eleventy.after, where the build waits for the index.
    indexing.catch(() => undefined);
  });

  config.on("eleventy.after", async ({ directories }) => {
    await timed("pagefind (waited for after rendering)", () => indexing);
    for (const [path, content] of assets?.files ?? []) {
      const target = resolve(directories.output, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  });
}
