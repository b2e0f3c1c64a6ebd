// The documents' pages, rendered and written one at a time, beside Eleventy's
// pages rather than as pages of an Eleventy template. Eleventy keeps every
// page it renders, content and data, until the build ends, and at 10,000
// documents those pages were a fifth of the build's memory; written here,
// a page is rendered with Eleventy's own Nunjucks environment (its filters,
// its minified layouts in production, its cache under the development
// server), written, and let go.
import { writeOutputFile } from "../build/output.ts";
import { pageMetadata } from "./meta.ts";
import type { SiteSettings } from "./settings.ts";
import type { DocumentPage } from "./views.ts";

/** The layout of a document's page, under layouts/. */
export const DOCUMENT_LAYOUT = "partials/document-page.njk";

/** What renders a layout with a context: Eleventy's Nunjucks environment. */
export interface LayoutRenderer {
  render(name: string, context: object): string;
}

/**
 * Where a page's URL is written in the output folder, as Eleventy writes a
 * permalink ending in "/": a path under the site's root, no dot segment, no
 * character a file name or HTML would need escaped.
 */
export function outputPathOf(url: string): string {
  if (!/^\/(?:[^/\\&<>"'?#]+\/)*$/.test(url) || url.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`A document page's URL must be a folder path such as /documents/name/; got ${JSON.stringify(url)}. Check the document's slug.`);
  }
  return `${url.slice(1)}index.html`;
}

/** What layouts/partials/document-page.njk prints: the data every layout gets, the page, and its metadata. */
export function documentPageContext(doc: DocumentPage, layoutData: Readonly<Record<string, unknown>>, settings: SiteSettings): Record<string, unknown> {
  return { ...layoutData, doc, page: { url: doc.url }, pageMeta: pageMetadata({ settings, pageUrl: doc.url, doc }) };
}

export interface DocumentPagesJob {
  pages: Iterable<DocumentPage>;
  renderer: LayoutRenderer;
  layoutData: Readonly<Record<string, unknown>>;
  settings: SiteSettings;
  outputDir: string;
}

/** Render and write each page in turn; how many were written. */
export function writeDocumentPages({ pages, renderer, layoutData, settings, outputDir }: DocumentPagesJob): number {
  let written = 0;
  for (const doc of pages) {
    const path = outputPathOf(doc.url);
    let html: string;
    try {
      html = renderer.render(DOCUMENT_LAYOUT, documentPageContext(doc, layoutData, settings));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not render the page of ${doc.sourceFile} with layouts/${DOCUMENT_LAYOUT}: ${reason}`, { cause: error });
    }
    writeOutputFile(outputDir, path, html);
    written += 1;
  }
  return written;
}
