// Atom feeds (the archive's newest documents, and one per organisation) and
// the sitemap's list of pages. Every date printed comes from the documents
// themselves, never from the clock or the files' times: the same corpus gives
// byte-identical feeds.
//
// A feed orders entries by time, so undated documents are left out of feeds
// (they stay on the timeline and their organisations' pages). A document dated
// to a month or a year is stamped with the first day of that month or year.
import type { ArchiveDocument } from "../documents/pipeline.ts";
import { timelineOrder } from "./timeline.ts";
import { excerpt } from "./views.ts";

/** How many of the newest dated documents a feed carries. */
export const FEED_ENTRIES = 20;
export const SITE_FEED_URL = "/feed.xml";
/** The feed's `updated` when it has no entry: a fixed instant, not the build time. */
const NO_DATE = new Date(Date.UTC(1970, 0, 1));

export interface FeedEntry {
  url: string;
  title: string;
  updated: Date;
  summary: string;
  /** The document's body, as HTML (escaped once more by the template, as Atom's type="html" wants). */
  html: string;
}

export interface FeedView {
  /** Where the feed is written, e.g. /feed.xml. */
  url: string;
  /** The HTML page the feed mirrors. */
  alternate: string;
  title: string;
  subtitle: string;
  updated: Date;
  entries: FeedEntry[];
}

/** The instant a document stands for: its date at its precision, from the first day of a month or year. */
export function documentInstant(document: ArchiveDocument): Date | null {
  const { date } = document;
  if (date.precision === "none" || date.iso === null) return null;
  const [year, month, day] = date.iso.split("-").map(Number);
  if (year === undefined || !Number.isInteger(year)) return null;
  return new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
}

export function feedView(
  documents: readonly ArchiveDocument[],
  feed: { url: string; alternate: string; title: string; subtitle: string },
  limit = FEED_ENTRIES,
): FeedView {
  const entries: FeedEntry[] = [];
  // Newest first; stop at `limit`: an organisation's feed reads 20 of its thousands of documents.
  for (const document of timelineOrder(documents)) {
    if (entries.length === limit) break;
    const updated = documentInstant(document);
    if (!updated) continue;
    entries.push({
      url: document.url,
      title: document.title,
      updated,
      summary: document.description ?? excerpt(document.plainText),
      html: document.bodyHtml,
    });
  }
  return { ...feed, updated: entries[0]?.updated ?? NO_DATE, entries };
}

/**
 * The site's pages for the sitemap: every page with a folder address (the 404
 * page and feeds have none), sorted. `items` are Eleventy's pages, `urls` the
 * addresses of the archive's own pages, whether this build wrote them or not.
 */
export function sitemapPaths(items: readonly { url?: string | false }[], urls: readonly string[] = []): string[] {
  const paths = new Set<string>();
  for (const url of [...items.map((item) => item.url), ...urls]) if (typeof url === "string" && url.endsWith("/")) paths.add(url);
  return [...paths].sort();
}
