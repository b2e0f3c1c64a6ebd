// Wiring only: each line names one concern; the work lives in src/.
import type { EleventyConfig } from "./src/eleventy.ts";
import { Project } from "./src/project.ts";
import { noEleventyData, textDocuments } from "./src/documents/plugin.ts";
import { sitePages } from "./src/site/plugin.ts";
import { siteAssets } from "./src/build/assets.ts";
import { searchIndex } from "./src/search/plugin.ts";
import { buildReport } from "./src/build/report.ts";
import { metadataExports } from "./src/site/exports.ts";
import { templateSources } from "./src/build/templates.ts";
import { archiveBrowsing } from "./src/site/browse.ts";
import { buildTimings } from "./src/build/timings.ts";

export default async function (config: EleventyConfig) {
  const project = await Project.load(); // settings and registries from this project's content/_data

  // --input may name any corpus folder; layouts always come from this project.
  const input = config.directories.input && config.directories.input !== "./" ? config.directories.input : "content";
  project.templates = await templateSources(config, input); // layouts minified once (html-minifier-terser) in production

  config.addPlugin(buildTimings); // per-stage wall time for the benchmark (only when ARCHIVE_TIMINGS is set)
  config.addPlugin(textDocuments, { project, input }); // the corpus scanned: .txt and .md, ingest -> text -> enrich
  config.addPlugin(sitePages, project); // home, 404 and the data layouts print
  config.addPlugin(searchIndex, project); // Pagefind index of the documents, search page and query preparation (started first: it takes longest)
  config.addPlugin(siteAssets, project); // stylesheet and the Arabic font, subset and fingerprinted
  config.addPlugin(metadataExports, project); // data/documents.json, .csv and organisations.json for researchers
  config.addPlugin(archiveBrowsing, project); // document pages, timeline, organisation pages, Atom feeds, sitemap.xml, robots.txt
  config.addPlugin(buildReport, project); // every file accounted for; errors listed, then the build fails

  return {
    dir: { input, includes: project.templates.includes, data: noEleventyData(input), output: "_site" }, // Eleventy runs no data file of the corpus
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
