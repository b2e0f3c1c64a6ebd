// The site's own pages (home, 404, ...) and the data every layout prints.
// Pages live in layouts/pages as virtual templates, so any corpus folder
// given with --input gets them without holding a copy.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EleventyConfig } from "../eleventy.ts";
import { layoutsDir, type Project } from "../project.ts";
import { homeView, NAVIGATION, type DocumentView } from "./views.ts";
import { pageMetadata } from "./meta.ts";

const PAGES_DIR = join(layoutsDir, "pages");

export function sitePages(config: EleventyConfig, project: Project): void {
  for (const name of readdirSync(PAGES_DIR).filter((file) => file.endsWith(".njk")).sort()) {
    config.addTemplate(`_archive-pages/${name}`, readFileSync(join(PAGES_DIR, name), "utf8"));
  }
  config.addWatchTarget(layoutsDir);
  // Nunjucks is for this project's own (virtual) pages: a .njk file found in a
  // corpus folder is never run; the build report lists it as ignored.
  config.addPreprocessor("no-templates-in-corpus", "njk", (data) => (existsSync(data.page.inputPath) ? false : undefined));

  config.addGlobalData("site", () => project.settings);
  config.addGlobalData("navigation", NAVIGATION);
  config.addGlobalData("assets", () => project.assets);
  config.addGlobalData("home", () => homeView(project.scan.documents, project.viewContext));
  config.addGlobalData("eleventyComputed", {
    pageMeta: (data: { doc?: DocumentView; title?: string; description?: string; page?: { url?: string | false } }) =>
      pageMetadata({ settings: project.settings, pageUrl: data.page?.url, doc: data.doc, title: data.title, description: data.description }),
  });
}
