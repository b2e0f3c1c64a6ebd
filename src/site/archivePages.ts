// The archive's pages (a page per document, per timeline year and per
// organisation), rendered and written one at a time, beside Eleventy's pages
// rather than as pages of Eleventy templates. Eleventy keeps every page it
// renders (content, data, cached render, write result) until the build ends,
// and at 10,000 documents those pages were a third of the build's memory.
// Written here, a page is rendered with Eleventy's own Nunjucks environment
// (its filters, its minified layouts in production, its cache under the
// development server), written, and let go. Each layout extends the page
// shell (layouts/partials/shell.njk) itself.
import { writeOutputFile } from "../build/output.ts";
import { pageMetadata } from "./meta.ts";
import type { OrganisationPageView } from "./organisations.ts";
import type { SiteSettings } from "./settings.ts";
import type { TimelinePageView } from "./timeline.ts";
import type { DocumentPage } from "./views.ts";

/** The layout of each kind of page, under layouts/. */
export const ARCHIVE_LAYOUTS = {
  document: "partials/document-page.njk",
  timelineYear: "partials/timeline-year-page.njk",
  organisation: "partials/organisation-page.njk",
} as const;

/** What renders a layout with a context: Eleventy's Nunjucks environment. */
export interface LayoutRenderer {
  render(name: string, context: object): string;
}

/** One page to write: its address, its layout and what the layout prints. */
export interface ArchivePage {
  url: string;
  layout: string;
  context: Record<string, unknown>;
  /** Named when the page cannot be rendered: the document's file, or the page's address. */
  source: string;
}

/**
 * Where a page's URL is written in the output folder, as Eleventy writes a
 * permalink ending in "/": a path under the site's root, no dot segment, no
 * character a file name or HTML would need escaped.
 */
export function outputPathOf(url: string): string {
  if (!/^\/(?:[^/\\&<>"'?#]+\/)*$/.test(url) || url.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`A page's URL must be a folder path such as /documents/name/; got ${JSON.stringify(url)}. Check the slug or identifier it is made from.`);
  }
  return `${url.slice(1)}index.html`;
}

type LayoutData = Readonly<Record<string, unknown>>;

/** A document's page: `doc` is what layouts/partials/document-page.njk prints. */
export function documentArchivePage(doc: DocumentPage, layoutData: LayoutData, settings: SiteSettings): ArchivePage {
  const pageMeta = pageMetadata({ settings, pageUrl: doc.url, doc });
  return { url: doc.url, layout: ARCHIVE_LAYOUTS.document, source: doc.sourceFile, context: { ...layoutData, doc, page: { url: doc.url }, pageMeta } };
}

/** A page of a timeline year or of an organisation: `browsePage` is what its layout prints. */
export function browseArchivePage(layout: string, browsePage: TimelinePageView | OrganisationPageView, layoutData: LayoutData, settings: SiteSettings): ArchivePage {
  const { url, title } = browsePage;
  const pageMeta = pageMetadata({ settings, pageUrl: url, title });
  return { url, layout, source: url, context: { ...layoutData, browsePage, title, page: { url }, pageMeta } };
}

/** Render and write each page in turn; how many were written. */
export function writeArchivePages(pages: Iterable<ArchivePage>, renderer: LayoutRenderer, outputDir: string): number {
  let written = 0;
  for (const page of pages) {
    const path = outputPathOf(page.url);
    let html: string;
    try {
      html = renderer.render(page.layout, page.context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not render the page of ${page.source} with layouts/${page.layout}: ${reason}`, { cause: error });
    }
    writeOutputFile(outputDir, path, html);
    written += 1;
  }
  return written;
}
