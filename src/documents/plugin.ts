// The corpus: every build starts by scanning the content folder with our own
// pipeline (encoding, front matter, structure, metadata; archive.ts), which
// decides what is published and reports every file. The documents are not
// Eleventy templates: their pages are the pages of one paginated template
// (layouts/pages/documents.njk, data from site/browse.ts), so a saved
// document under the development server renders its own page and the pages
// that show it, not a template per file.
import { resolve } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { timed } from "../build/timings.ts";
import type { Project } from "../project.ts";

export function textDocuments(config: EleventyConfig, { project, input }: { project: Project; input: string }): void {
  // Eleventy does not read the corpus, but a .gitignore must not hide a file from its watcher.
  config.setUseGitIgnore(false);
  // The development server rebuilds when a document is saved, added or removed.
  config.addWatchTarget(`${input}/**/*.{[tT][xX][tT],[mM][dD]}`); // any case, as the scan accepts it

  // Eleventy runs the plugins' eleventy.before listeners together: this one,
  // registered first, starts the scan, and the others wait for project.scanned.
  config.on("eleventy.before", async ({ directories }) => {
    await timed("ingest and parse", () => project.rescanInParallel(resolve(directories.input)));
  });
}
