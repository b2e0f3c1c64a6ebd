// The corpus: every build starts by scanning the content folder with our own
// pipeline (encoding, front matter, structure, metadata; archive.ts), which
// decides what is published and reports every file. The documents are not
// Eleventy templates: their pages are written from the scan
// (site/archivePages.ts, picked in site/browse.ts), so a saved document
// under the development server renders its own page and the pages that show
// it, not a template per file.
import { join, relative, resolve } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { timed } from "../build/timings.ts";
import { projectRoot, type Project } from "../project.ts";

/** Eleventy's global data folder, relative to the input folder as Eleventy wants it: one that does not exist. */
export function noEleventyData(input: string): string {
  return relative(resolve(input), join(projectRoot, "src/documents/no-eleventy-data"));
}

export function textDocuments(config: EleventyConfig, { project, input }: { project: Project; input: string }): void {
  // Eleventy reads nothing of the corpus: the scan is its only reader, and the pages are virtual templates.
  // Left to itself, Eleventy would search the folder for templates (following links out of it), and load and
  // run its data files: content/_data/*.js, *.11tydata.js beside any template. So it searches no path of it,
  // looks for no template data file, and its global data folder is one that does not exist (the project's
  // data is read by Project.load, from this project's content/_data).
  // (The data folder is set in eleventy.config.ts: plugins may not set folders.)
  config.ignores.add("**/*");
  // Eleventy makes the ignores it is given relative to the project (an absolute folder loses its leading /),
  // so the corpus folder, absolute, is added to the list Eleventy announces before it searches.
  config.on("eleventy.ignores", (ignores: string[]) => {
    ignores.push(`${resolve(input).split("\\").join("/")}/**`);
  });
  config.setDataFileSuffixes([]);
  // A .gitignore must not hide a file from its watcher.
  config.setUseGitIgnore(false);
  // The development server rebuilds when a document is saved, added or removed.
  config.addWatchTarget(`${input}/**/*.{[tT][xX][tT],[mM][dD]}`); // any case, as the scan accepts it

  // Eleventy runs the plugins' eleventy.before listeners together: this one,
  // registered first, starts the scan, and the others wait for project.scanned.
  config.on("eleventy.before", async ({ directories }) => {
    await timed("ingest and parse", () => project.rescanInParallel(resolve(directories.input)));
  });
}
