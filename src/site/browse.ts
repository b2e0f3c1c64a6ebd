// Browsing the archive: the timeline, the organisation index and pages, the
// Atom feeds, the sitemap and robots.txt. The pages themselves are templates in
// layouts/pages (timeline*.njk, organisation*.njk, feed.njk, sitemap.njk,
// robots.njk, added by the site plugin); this plugin gives them their data,
// computed once per scan of the corpus by the pure functions of timeline.ts,
// organisations.ts and feeds.ts.
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "../eleventy.ts";
import type { ArchiveScan } from "../documents/archive.ts";
import { projectDataDir, type Project } from "../project.ts";
import { feedView, sitemapPaths, SITE_FEED_URL, type FeedView } from "./feeds.ts";
import { readBrowseLabels, type BrowseLabels } from "./labels.ts";
import { buildOrganisations, ORGANISATIONS_URL, type OrganisationsModel } from "./organisations.ts";
import { buildTimeline, TIMELINE_URL, type TimelineModel } from "./timeline.ts";

export interface BrowseModel {
  timeline: TimelineModel;
  organisations: OrganisationsModel;
  feeds: FeedView[];
}

export function browseModel(project: Project, labels: BrowseLabels): BrowseModel {
  const { documents } = project.scan;
  const context = project.viewContext;
  const organisations = buildOrganisations(documents, labels, context);
  const siteFeed = feedView(documents, {
    url: SITE_FEED_URL,
    alternate: TIMELINE_URL,
    title: project.settings.title,
    subtitle: project.settings.description,
  });
  const organisationFeeds = [...organisations.documentsOf].map(([id, list]) => {
    const page = organisations.pages.find((candidate) => candidate.id === id);
    return feedView(list, {
      url: page?.feed.url ?? `${ORGANISATIONS_URL}${id}/feed.xml`,
      alternate: `${ORGANISATIONS_URL}${id}/`,
      title: `${page?.feed.title ?? id} | ${project.settings.title}`,
      subtitle: `${page?.heading ?? id}: أحدث الوثائق التي تذكرها في الأرشيف.`,
    });
  });
  return { timeline: buildTimeline(documents, context), organisations, feeds: [siteFeed, ...organisationFeeds] };
}

export function archiveBrowsing(config: EleventyConfig, project: Project): void {
  const labels = readBrowseLabels(projectDataDir);
  config.addPlugin(rssPlugin, {}); // dateToRfc3339 and absoluteUrl for the feeds and the sitemap

  // One model per scan: every data key below reads the same computation.
  const models = new WeakMap<ArchiveScan, BrowseModel>();
  const model = (): BrowseModel => {
    let current = models.get(project.scan);
    if (!current) {
      current = browseModel(project, labels);
      models.set(project.scan, current);
    }
    return current;
  };

  // Frozen: Eleventy hands frozen data to every page as is, instead of
  // deep-copying the archive-wide structures into each one.
  config.addGlobalData("timeline", () => Object.freeze(model().timeline.overview));
  config.addGlobalData("timelinePages", () => Object.freeze(model().timeline.pages));
  config.addGlobalData("timelineNeighbours", () => Object.freeze(model().timeline.neighbours));
  config.addGlobalData("organisationIndex", () => Object.freeze(model().organisations.index));
  config.addGlobalData("organisationPages", () => Object.freeze(model().organisations.pages));
  config.addGlobalData("atomFeeds", () => Object.freeze(model().feeds));
  config.addFilter("sitemapPaths", sitemapPaths);
}
