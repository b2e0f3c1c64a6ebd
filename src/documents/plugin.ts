// Plain text (and Markdown) as first-class Eleventy templates: Eleventy finds
// the files, our pipeline reads them (encoding, front matter, structure,
// metadata) and hands back page data and the rendered body.
import { relative, resolve, sep } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { timed } from "../build/timings.ts";
import type { Project } from "../project.ts";
import { documentView } from "../site/views.ts";

/** The path of a template relative to the content folder, `/`-separated, as the archive keys it. */
function relativeToInput(inputPath: string, inputDir: string): string {
  return relative(resolve(inputDir), resolve(inputPath)).split(sep).join("/");
}

export function textDocuments(config: EleventyConfig, project: Project): void {
  let inputDir = "content";
  // The archive's scan decides what is published and reports every file; a
  // .gitignore must not make Eleventy skip a file the report calls published.
  config.setUseGitIgnore(false);

  // Eleventy runs the plugins' eleventy.before listeners together: this one,
  // registered first, starts the scan, and the others wait for project.scanned.
  config.on("eleventy.before", async ({ directories }) => {
    inputDir = directories.input;
    await timed("ingest and parse", () => project.rescanInParallel(resolve(directories.input)));
  });

  config.addExtension(["txt", "md"], {
    // We read the bytes ourselves: strict decoding and front matter are part of the pipeline.
    read: false,
    getData: (inputPath) => {
      const document = project.scan.byPath.get(relativeToInput(inputPath, inputDir));
      if (!document) return { permalink: false, eleventyExcludeFromCollections: true };
      return {
        layout: "document.njk",
        permalink: document.url,
        doc: documentView(document, project.viewContext),
        bodyHtml: document.bodyHtml,
      };
    },
    compile: () => (data) => (typeof data.bodyHtml === "string" ? data.bodyHtml : ""),
  });
}
