// The site's own pages (home, 404, ...) and the data every layout prints.
// Pages live in layouts/pages as virtual templates, so any corpus folder
// given with --input gets them without holding a copy.
import { existsSync } from "node:fs";
import type { EleventyConfig } from "../eleventy.ts";
import { layoutsDir, type Project } from "../project.ts";
import { homeView, NAVIGATION, type DocumentView } from "./views.ts";
import { pageMetadata } from "./meta.ts";
import { valuePermalink } from "../build/templates.ts";

/**
 * What the page shell prints (layouts/partials/shell.njk): Eleventy's global
 * data for its pages, and given as is to the archive's pages. Frozen data is
 * shared by every page as is; Eleventy deep-copies the rest into each page.
 */
export function layoutData(project: Project) {
  return { site: Object.freeze(project.settings), navigation: NAVIGATION, assets: Object.freeze(project.assets) };
}

export function sitePages(config: EleventyConfig, project: Project): void {
  const templates = project.templates;
  if (!templates) throw new Error("sitePages needs project.templates (set in eleventy.config.ts)");
  for (const name of templates.names().filter((file) => file.startsWith("pages/"))) {
    const permalink = valuePermalink(templates.source(name), name); // the front matter's `{{ doc.url }}` without a compile per page
    config.addTemplate(`_archive-pages/${name.slice("pages/".length)}`, templates.source(name), permalink && { permalink });
  }
  config.addWatchTarget(layoutsDir);
  // Nunjucks is for this project's own (virtual) pages: a .njk file found in a
  // corpus folder is never run; the build report lists it as ignored.
  config.addPreprocessor("no-templates-in-corpus", "njk", (data) => (existsSync(data.page.inputPath) ? false : undefined));

  // Each read when a build starts: the assets' addresses are known only then.
  for (const name of Object.keys(layoutData(project)) as (keyof ReturnType<typeof layoutData>)[]) config.addGlobalData(name, () => layoutData(project)[name]);
  config.addGlobalData("home", () => Object.freeze(homeView(project.scan.documents, project.viewContext)));
  config.addGlobalData("eleventyComputed", {
    pageMeta: (data: { doc?: DocumentView; title?: string; description?: string; page?: { url?: string | false } }) =>
      pageMetadata({ settings: project.settings, pageUrl: data.page?.url, doc: data.doc, title: data.title, description: data.description }),
  });
}
