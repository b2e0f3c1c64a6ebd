// The archive's pages and browsing it: a page per document, the timeline, the
// organisation index and pages, the Atom feeds, the sitemap and robots.txt.
// The pages of documents, timeline years and organisations are written by
// archivePages.ts; the timeline, the organisation index, the feeds, the
// sitemap and robots.txt are templates in layouts/pages (added by the site
// plugin).
// This plugin gives them their data, computed once per scan of the corpus by
// the pure functions of views.ts, timeline.ts, organisations.ts and feeds.ts,
// and picks which pages a build writes.
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "../eleventy.ts";
import type { ArchiveScan } from "../documents/archive.ts";
import { projectDataDir, type Project } from "../project.ts";
import { KeptWhileSame, memoizeByObject } from "../arabic/memo.ts";
import { isDocumentIn } from "../documents/files.ts";
import { PageChanges } from "./pageChanges.ts";
import { documentPage } from "./views.ts";
import { ARCHIVE_LAYOUTS, browseArchivePage, documentArchivePage, writeArchivePages, type ArchivePage, type LayoutRenderer } from "./archivePages.ts";
import { layoutData } from "./plugin.ts";
import { timedSync } from "../build/timings.ts";
import { feedView, sitemapPaths, SITE_FEED_URL, type FeedView } from "./feeds.ts";
import { readBrowseLabels, type BrowseLabels } from "./labels.ts";
import { buildOrganisations, ORGANISATIONS_URL, type OrganisationPageView, type OrganisationsModel } from "./organisations.ts";
import { buildTimeline, TIMELINE_URL, type TimelineModel } from "./timeline.ts";

export interface BrowseModel {
  timeline: TimelineModel;
  organisations: OrganisationsModel;
  feeds: FeedView[];
}

/** `kept`: organisation pages kept from one build to the next (the development server's). */
export function browseModel(project: Project, labels: BrowseLabels, kept?: KeptWhileSame<OrganisationPageView>): BrowseModel {
  const { documents } = project.scan;
  const context = project.viewContext;
  const organisations = buildOrganisations(documents, labels, context, kept);
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

  // Set by each build: the development server keeps pages from one build to the next.
  let developing = false;

  // One model per scan: every data key below reads the same computation.
  const models = new WeakMap<ArchiveScan, BrowseModel>();
  const keptOrganisationPages = new KeptWhileSame<OrganisationPageView>();
  const model = (): BrowseModel => {
    let current = models.get(project.scan);
    if (!current) {
      current = browseModel(project, labels, developing ? keptOrganisationPages : undefined);
      models.set(project.scan, current);
    }
    return current;
  };

  // Which of the archive's pages this build writes (pageChanges.ts).
  // A page's JSON is made once per page object: an organisation's pages are
  // the same objects from one build to the next while its documents are.
  const json = memoizeByObject((page: object): string => JSON.stringify(page));
  const changes = new PageChanges();
  let saved: string[] | undefined;
  config.on("eleventy.beforeWatch", (changedFiles) => {
    saved = [...(saved ?? []), ...changedFiles];
  });
  config.on("eleventy.before", ({ directories, runMode }) => {
    developing = runMode !== "build";
    changes.startBuild(saved !== undefined && saved.every((file) => isDocumentIn(directories.input, file)));
    saved = undefined;
  });
  const written = memoizeByObject((scan: ArchiveScan) => {
    const { timeline, organisations } = model();
    const all = { documents: scan.documents, timeline: timeline.pages, organisations: organisations.pages };
    if (!developing) return all;
    return changes.select(JSON.stringify(project.assets), {
      documents: { pages: all.documents, urlOf: (document) => document.url, signatureOf: (document) => [document, JSON.stringify(timeline.neighbours[document.url])] },
      timeline: { pages: all.timeline, urlOf: (page) => page.url, signatureOf: (page) => [json(page)] },
      organisations: { pages: all.organisations, urlOf: (page) => page.url, signatureOf: (page) => [json(page)] },
    });
  });

  // The archive's pages (archivePages.ts): rendered with Eleventy's own
  // Nunjucks environment, announced anew for every build, once Eleventy has
  // written the site's own pages.
  let renderer: LayoutRenderer | undefined;
  config.on("eleventy.engine.njk", ({ environment }) => {
    renderer = environment;
  });
  config.on("eleventy.after", ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const environment = renderer;
    if (!environment) throw new Error("Eleventy announced no Nunjucks environment (eleventy.engine.njk): the archive's pages cannot be rendered.");
    const { neighbours } = model().timeline;
    const { documents, timeline, organisations } = written(project.scan);
    const shared = layoutData(project);
    const { settings, viewContext } = project;
    // Made one at a time as they are written: no page outlives its file.
    function* pages(): Generator<ArchivePage> {
      for (const document of documents) yield documentArchivePage(documentPage(document, viewContext, neighbours[document.url]), shared, settings);
      for (const page of timeline) yield browseArchivePage(ARCHIVE_LAYOUTS.timelineYear, page, shared, settings);
      for (const page of organisations) yield browseArchivePage(ARCHIVE_LAYOUTS.organisation, page, shared, settings);
    }
    timedSync("archive pages (written after Eleventy's)", () => writeArchivePages(pages(), environment, directories.output));
  });

  // Frozen: Eleventy hands frozen data to every page as is, instead of
  // deep-copying the archive-wide structures into each one.
  config.addGlobalData("timeline", () => Object.freeze(model().timeline.overview));
  config.addGlobalData("organisationIndex", () => Object.freeze(model().organisations.index));
  config.addGlobalData("atomFeeds", () => Object.freeze(model().feeds));
  // The sitemap lists every page of the archive, written by this build or not.
  config.addGlobalData("archivePageUrls", () => {
    const { timeline, organisations } = model();
    return Object.freeze([...project.scan.documents, ...timeline.pages, ...organisations.pages].map((page) => page.url));
  });
  config.addFilter("sitemapPaths", sitemapPaths);
}
