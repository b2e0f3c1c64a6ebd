// The timeline: every document, newest first, grouped by year then month.
// Documents dated only to a month sit at the end of that month and say so;
// documents dated only to a year sit in a "(السنة فقط)" group after the months
// of their year; undated documents have a section of their own at the end.
//
// One page per year (/timeline/<year>/, continued on /timeline/<year>/2/ past
// the `pageSize` setting), one for the undated documents (/timeline/undated/),
// and an overview at /timeline/ whose size depends on the number of years,
// never on the number of documents.
import { monthDisplayName } from "../enrich/dates.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import { countByYear, yearChart, yearOf, type ChartView } from "./chart.ts";
import { pageUrl, pagerView, splitPages, type PagerView } from "./paging.ts";
import { compareNewestFirst, countOf, dateView, DOCUMENTS_NOUN, formatNumber, placeText, type CountedNoun, type DateView, type ViewContext } from "./views.ts";

export const TIMELINE_URL = "/timeline/";
export const UNDATED_URL = "/timeline/undated/";
const TIMELINE_TITLE = "الخط الزمني";
const UNDATED_HEADING = "وثائق غير مؤرخة";
const UNDATED_SHORT = "غير مؤرخة";
const UNDATED_ORDER = "مرتبة حسب العنوان";
const MONTH_ONLY = "الشهر فقط";
const YEAR_ONLY = "السنة فقط";
const CONTINUED = "(تابع)";
const NEWER = "وثيقة أحدث";
const OLDER = "وثيقة أقدم";
const PREVIOUS = "السابقة في الخط الزمني";
const NEXT = "التالية في الخط الزمني";

export const YEARS_NOUN: CountedNoun = {
  zero: "لا سنوات",
  one: "سنة واحدة",
  two: "سنتين",
  few: "{n} سنوات",
  many: "{n} سنة",
  other: "{n} سنة",
};

export interface TimelineEntry {
  url: string;
  title: string;
  date: DateView;
  place: string | null;
  /** "الشهر فقط" for a document dated only to its month, inside the month's group. */
  precisionNote: string | null;
}

export interface TimelineGroup {
  /** The anchor of the group on its page: "m09", "year" or "undated". */
  id: string;
  heading: string;
  count: string;
  /** The group started on the page before. */
  continued: string | null;
  entries: TimelineEntry[];
}

export interface YearNavItem {
  label: string;
  url: string;
  count: string;
  current: boolean;
}

export interface TimelinePageView {
  kind: "year" | "undated";
  /** This page's address (page 1 of a year is /timeline/<year>/). */
  url: string;
  title: string;
  heading: string;
  summary: string;
  groups: TimelineGroup[];
  pager: PagerView | null;
  navigator: YearNavItem[];
}

export interface TimelineOverview {
  title: string;
  summary: string;
  chart: ChartView | null;
  navigator: YearNavItem[];
  years: { label: string; url: string; count: string; months: { label: string; url: string; count: string }[] }[];
  undated: { heading: string; url: string; count: string } | null;
}

export interface Neighbour {
  /** "وثيقة أحدث" / "وثيقة أقدم" when the dates say so, else its place in the timeline. */
  label: string;
  url: string;
  title: string;
  date: string;
}

export interface TimelineNeighbours {
  /** The document before this one in the timeline (newer, or the last of the dated for the first undated). */
  previous: Neighbour | null;
  /** The document after this one in the timeline (older, or undated). */
  next: Neighbour | null;
}

export interface TimelineModel {
  overview: TimelineOverview;
  pages: TimelinePageView[];
  /** By document URL: its neighbours in the timeline order. */
  neighbours: Record<string, TimelineNeighbours>;
}

export function yearUrl(year: number): string {
  return `${TIMELINE_URL}${year}/`;
}

/** Every document in timeline order: newest first, coarser dates after the finer ones they contain, undated last. */
export function timelineOrder(documents: readonly ArchiveDocument[]): ArchiveDocument[] {
  return [...documents].sort(compareNewestFirst);
}

/** The group a dated document belongs to within its year. */
function groupIdOf(document: ArchiveDocument): string {
  const month = document.date.month ?? Number(document.date.iso?.slice(5, 7));
  if (document.date.precision === "year" || !Number.isInteger(month) || month < 1) return "year";
  return `m${String(month).padStart(2, "0")}`;
}

function groupHeading(id: string, year: number, context: ViewContext): string {
  const yearText = formatNumber(year, context.settings);
  if (id === "year") return `${yearText} (${YEAR_ONLY})`;
  return `${monthDisplayName(Number(id.slice(1)), context.settings.monthNames, context.calendar)} ${yearText}`;
}

function entryOf(document: ArchiveDocument, context: ViewContext): TimelineEntry {
  return {
    url: document.url,
    title: document.title,
    date: dateView(document.date, context),
    place: placeText(document.place),
    precisionNote: document.date.precision === "month" ? MONTH_ONLY : null,
  };
}

/** Consecutive runs of documents sharing a group id, in order. */
function runsOf(documents: readonly ArchiveDocument[], key: (document: ArchiveDocument) => string): { key: string; documents: ArchiveDocument[] }[] {
  const runs: { key: string; documents: ArchiveDocument[] }[] = [];
  for (const document of documents) {
    const id = key(document);
    const last = runs.at(-1);
    if (last?.key === id) last.documents.push(document);
    else runs.push({ key: id, documents: [document] });
  }
  return runs;
}

/**
 * The pages of one list (a year, or the undated documents): the list split
 * by `pageSize`, each page's documents grouped; a group cut by a page break
 * is repeated on the next page, marked as continued, with its full count.
 */
function listPages(
  kind: TimelinePageView["kind"],
  base: string,
  heading: string,
  documents: readonly ArchiveDocument[],
  groupOf: (document: ArchiveDocument) => { id: string; heading: string },
  context: ViewContext,
): TimelinePageView[] {
  const { settings } = context;
  const groupSizes = new Map<string, number>();
  for (const document of documents) groupSizes.set(groupOf(document).id, (groupSizes.get(groupOf(document).id) ?? 0) + 1);
  const chunks = splitPages(documents, settings.pageSize);
  const seen = new Set<string>();
  return chunks.map((chunk, index) => {
    const number = index + 1;
    const groups = runsOf(chunk, (document) => groupOf(document).id).map((run): TimelineGroup => {
      const first = run.documents[0] as ArchiveDocument;
      const group: TimelineGroup = {
        id: run.key,
        heading: groupOf(first).heading,
        count: countOf(groupSizes.get(run.key) ?? run.documents.length, DOCUMENTS_NOUN, settings),
        continued: seen.has(run.key) ? CONTINUED : null,
        entries: run.documents.map((document) => entryOf(document, context)),
      };
      seen.add(run.key);
      return group;
    });
    const pageSuffix = number > 1 ? ` (صفحة ${formatNumber(number, settings)})` : "";
    return {
      kind,
      url: pageUrl(base, number),
      title: `${TIMELINE_TITLE}: ${heading}${pageSuffix}`,
      heading,
      summary: countOf(documents.length, DOCUMENTS_NOUN, settings),
      groups,
      pager: pagerView(base, number, chunks.length, settings),
      navigator: [],
    };
  });
}

/**
 * Whether `a` is certainly later than `b`: both dated and neither date contains
 * the other (September 2019 is not later or earlier than 10 September 2019).
 */
export function certainlyLater(a: ArchiveDocument, b: ArchiveDocument): boolean {
  const left = a.date.iso;
  const right = b.date.iso;
  if (!left || !right || a.date.precision === "none" || b.date.precision === "none") return false;
  return left > right && !left.startsWith(right) && !right.startsWith(left);
}

/** The neighbour links of every document, along the timeline order. */
export function timelineNeighbours(ordered: readonly ArchiveDocument[], context: ViewContext): Record<string, TimelineNeighbours> {
  const link = (document: ArchiveDocument | undefined, label: string): Neighbour | null =>
    document ? { label, url: document.url, title: document.title, date: dateView(document.date, context).text } : null;
  const neighbours: Record<string, TimelineNeighbours> = {};
  ordered.forEach((document, index) => {
    const previous = ordered[index - 1];
    const next = ordered[index + 1];
    neighbours[document.url] = {
      previous: link(previous, previous && certainlyLater(previous, document) ? NEWER : PREVIOUS),
      next: link(next, next && certainlyLater(document, next) ? OLDER : NEXT),
    };
  });
  return neighbours;
}

export function buildTimeline(documents: readonly ArchiveDocument[], context: ViewContext): TimelineModel {
  const { settings } = context;
  const ordered = timelineOrder(documents);
  const dated = ordered.filter((document) => yearOf(document) !== null);
  const undated = ordered.filter((document) => yearOf(document) === null);
  const byYear = runsOf(dated, (document) => String(yearOf(document)));

  const pages: TimelinePageView[] = [];
  const overviewYears: TimelineOverview["years"] = [];
  for (const run of byYear) {
    const year = Number(run.key);
    const groupOf = (document: ArchiveDocument): { id: string; heading: string } => {
      const id = groupIdOf(document);
      return { id, heading: groupHeading(id, year, context) };
    };
    const yearPages = listPages("year", yearUrl(year), formatNumber(year, settings), run.documents, groupOf, context);
    pages.push(...yearPages);
    // Each month links to the page where its group starts.
    const months = new Map<string, { label: string; url: string; count: number }>();
    for (const page of yearPages) {
      for (const group of page.groups) {
        const entry = months.get(group.id);
        if (entry) entry.count += group.entries.length;
        else {
          const label = group.id === "year" ? YEAR_ONLY : monthDisplayName(Number(group.id.slice(1)), settings.monthNames, context.calendar);
          months.set(group.id, { label, url: `${page.url}#${group.id}`, count: group.entries.length });
        }
      }
    }
    overviewYears.push({
      label: formatNumber(year, settings),
      url: yearUrl(year),
      count: countOf(run.documents.length, DOCUMENTS_NOUN, settings),
      months: [...months.values()].map((month) => ({ ...month, count: countOf(month.count, DOCUMENTS_NOUN, settings) })),
    });
  }
  if (undated.length > 0) {
    pages.push(...listPages("undated", UNDATED_URL, UNDATED_HEADING, undated, () => ({ id: "undated", heading: UNDATED_ORDER }), context));
  }

  const navigatorFor = (current: string | null): YearNavItem[] => [
    ...overviewYears.map((year) => ({ label: year.label, url: year.url, count: year.count, current: year.url === current })),
    ...(undated.length > 0
      ? [{ label: UNDATED_SHORT, url: UNDATED_URL, count: countOf(undated.length, DOCUMENTS_NOUN, settings), current: current === UNDATED_URL }]
      : []),
  ];
  for (const page of pages) {
    const base = page.kind === "undated" ? UNDATED_URL : yearUrl(Number(page.url.split("/")[2]));
    page.navigator = navigatorFor(base);
  }

  const summary = [`${countOf(documents.length, DOCUMENTS_NOUN, settings)} في الأرشيف`];
  if (byYear.length > 0) summary.push(`موزعة على ${countOf(byYear.length, YEARS_NOUN, settings)}`);
  return {
    overview: {
      title: TIMELINE_TITLE,
      summary: `${summary.join("، ")}.`,
      chart: yearChart("timeline-chart", countByYear(dated), undated.length, settings),
      navigator: navigatorFor(null),
      years: overviewYears,
      undated: undated.length > 0 ? { heading: UNDATED_HEADING, url: UNDATED_URL, count: countOf(undated.length, DOCUMENTS_NOUN, settings) } : null,
    },
    pages,
    neighbours: timelineNeighbours(ordered, context),
  };
}
