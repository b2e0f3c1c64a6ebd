// The organisation index (/organisations/) and one page per organisation with
// documents (/organisations/<id>/, continued on /organisations/<id>/2/ past the
// `pageSize` setting): names, type, website, the documents that mention it,
// a per-year chart and the organisations most often named in the same documents.
import { KeptWhileSame, memoizeByObject } from "../arabic/memo.ts";
import type { Organisation } from "../enrich/organisations.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import { countByYear, yearChart, yearOf, type ChartView } from "./chart.ts";
import type { BrowseLabels } from "./labels.ts";
import { pageUrl, pagerView, splitPages, type PagerView } from "./paging.ts";
import { timelineOrder } from "./timeline.ts";
import {
  arabicCollator,
  countOf,
  dateView,
  DOCUMENTS_NOUN,
  formatNumber,
  ORGANISATIONS_NOUN,
  organisationUrl,
  placeText,
  type DateView,
  type ViewContext,
} from "./views.ts";

export const ORGANISATIONS_URL = "/organisations/";
const INDEX_TITLE = "المنظمات";
/** How many co-occurring organisations an organisation's page lists. */
export const RELATED_LIMIT = 8;

export interface OrganisationIndexEntry {
  id: string;
  url: string;
  name: string;
  nameEn: string;
  acronym: string | null;
  documents: number;
  count: string;
}

export interface OrganisationIndexView {
  title: string;
  summary: string;
  groups: { type: string; id: string; heading: string; count: string; entries: OrganisationIndexEntry[] }[];
}

export interface OrganisationDocumentEntry {
  url: string;
  title: string;
  date: DateView;
  place: string | null;
  mentions: string;
}

export interface RelatedOrganisation {
  id: string;
  url: string;
  name: string;
  shared: number;
  count: string;
}

export interface OrganisationPageView {
  id: string;
  /** This page's address. */
  url: string;
  title: string;
  heading: string;
  shortName: string;
  nameEn: string;
  acronyms: string | null;
  type: string;
  website: string | null;
  parent: { name: string; url: string | null } | null;
  summary: string;
  searchUrl: string;
  feed: { url: string; title: string };
  documents: OrganisationDocumentEntry[];
  chart: ChartView | null;
  related: RelatedOrganisation[];
  pager: PagerView | null;
}

export interface OrganisationsModel {
  index: OrganisationIndexView;
  pages: OrganisationPageView[];
  /** Documents by organisation id, in timeline order (for the feeds). */
  documentsOf: Map<string, ArchiveDocument[]>;
}

/** Organisation id -> its documents in timeline order; only ids the registry knows. */
export function documentsByOrganisation(documents: readonly ArchiveDocument[], known: ReadonlyMap<string, Organisation>): Map<string, ArchiveDocument[]> {
  const result = new Map<string, ArchiveDocument[]>();
  for (const document of timelineOrder(documents)) {
    for (const id of mentionedIds(document)) {
      if (!known.has(id)) continue;
      const list = result.get(id);
      if (list) list.push(document);
      else result.set(id, [document]);
    }
  }
  return result;
}

/** Each document's organisation ids, once: every organisation page of a large archive asks again. */
const mentionedIds = memoizeByObject((document: ArchiveDocument): ReadonlySet<string> => new Set(document.organisations.map((mention) => mention.id)));

const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number => arabicCollator.compare(a.name, b.name) || a.id.localeCompare(b.id);

/** For one organisation: the others named in its documents, by documents shared (most first), then name. */
export function coOccurrences(id: string, documents: readonly ArchiveDocument[], known: ReadonlyMap<string, Organisation>, limit = RELATED_LIMIT): { id: string; name: string; shared: number }[] {
  const shared = new Map<string, number>();
  for (const document of documents) {
    const ids = mentionedIds(document);
    if (!ids.has(id)) continue;
    for (const other of ids) if (other !== id && known.has(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  return [...shared]
    .map(([other, count]) => ({ id: other, name: known.get(other)?.short_ar ?? other, shared: count }))
    .sort((a, b) => b.shared - a.shared || byName(a, b))
    .slice(0, limit);
}

export function organisationIndex(documentsOf: ReadonlyMap<string, ArchiveDocument[]>, known: ReadonlyMap<string, Organisation>, labels: BrowseLabels, context: ViewContext): OrganisationIndexView {
  const { settings } = context;
  const entries: { type: string; entry: OrganisationIndexEntry }[] = [...documentsOf].map(([id, list]) => {
    const organisation = known.get(id) as Organisation;
    return {
      type: organisation.type,
      entry: {
        id,
        url: organisationUrl(id),
        name: organisation.short_ar,
        nameEn: organisation.name_en,
        acronym: organisation.acronyms[0] ?? null,
        documents: list.length,
        count: countOf(list.length, DOCUMENTS_NOUN, settings),
      },
    };
  });
  const groups = labels.organisationTypes
    .map(({ type, label }) => {
      const members = entries
        .filter((candidate) => candidate.type === type)
        .map(({ entry }) => entry)
        .sort((a, b) => b.documents - a.documents || byName(a, b));
      return { type, id: `type-${type}`, heading: label, count: countOf(members.length, ORGANISATIONS_NOUN, settings), entries: members };
    })
    .filter((group) => group.entries.length > 0);
  return {
    title: INDEX_TITLE,
    summary: `${countOf(entries.length, ORGANISATIONS_NOUN, settings)} تذكرها وثائق الأرشيف، مرتبة حسب النوع ثم عدد الوثائق.`,
    groups,
  };
}

/**
 * The pages of one organisation: its documents in pages of `pageSize`, each
 * with the chart and related organisations. A page is kept (the same object)
 * while its own documents are the same objects and what every page of the
 * organisation prints is the same: a saved document makes again the page
 * that lists it, and the organisation's other pages only when its counts,
 * chart or related organisations changed.
 */
function pagesOfOrganisation(
  organisation: Organisation,
  list: readonly ArchiveDocument[],
  documentsOf: ReadonlyMap<string, ArchiveDocument[]>,
  known: ReadonlyMap<string, Organisation>,
  labels: BrowseLabels,
  context: ViewContext,
  dateOf: (document: ArchiveDocument) => DateView,
  kept: KeptWhileSame<OrganisationPageView>,
): OrganisationPageView[] {
  const { settings } = context;
  const { id } = organisation;
  const base = organisationUrl(id);
  const dated = list.filter((document) => yearOf(document) !== null);
  const parent = organisation.parent ? known.get(organisation.parent) : undefined;
  const shared = {
    id,
    heading: organisation.name_ar,
    shortName: organisation.short_ar,
    nameEn: organisation.name_en,
    acronyms: organisation.acronyms.length > 0 ? organisation.acronyms.join(", ") : null,
    type: labels.organisationTypes.find(({ type }) => type === organisation.type)?.label ?? organisation.type,
    website: organisation.website ?? null,
    parent: parent ? { name: parent.short_ar, url: documentsOf.has(parent.id) ? organisationUrl(parent.id) : null } : null,
    summary: `${countOf(list.length, DOCUMENTS_NOUN, settings)} في الأرشيف تذكرها.`,
    searchUrl: `/search/?q=${encodeURIComponent(organisation.short_ar)}`,
    feed: { url: `${base}feed.xml`, title: `${organisation.short_ar}: أحدث الوثائق` },
    chart: yearChart(`chart-${id}`, countByYear(dated), list.length - dated.length, settings),
    related: coOccurrences(id, list, known).map((other) => ({
      id: other.id,
      url: organisationUrl(other.id),
      name: other.name,
      shared: other.shared,
      count: countOf(other.shared, labels.sharedDocuments, settings),
    })),
  };
  const sharedJson = JSON.stringify(shared);
  const chunks = splitPages(list, settings.pageSize);
  return chunks.map((chunk, index) => {
    const number = index + 1;
    const url = pageUrl(base, number);
    return kept.get(url, [context.settings, context.calendar, context.registry, labels, sharedJson, chunks.length, ...chunk], () => ({
      ...shared,
      url,
      title: number > 1 ? `${organisation.short_ar} (صفحة ${formatNumber(number, settings)})` : organisation.short_ar,
      documents: chunk.map((document) => ({
        url: document.url,
        title: document.title,
        date: dateOf(document),
        place: placeText(document.place),
        mentions: countOf(document.organisations.find((mention) => mention.id === id)?.count ?? 0, labels.mentions, settings),
      })),
      pager: pagerView(base, number, chunks.length, settings),
    }));
  });
}

/**
 * Every organisation's pages. With `kept` (the development server's, from
 * one build to the next), a page is kept while what it prints comes from the
 * same documents and the same organisation-wide figures (pagesOfOrganisation).
 */
export function organisationPages(
  documentsOf: ReadonlyMap<string, ArchiveDocument[]>,
  known: ReadonlyMap<string, Organisation>,
  labels: BrowseLabels,
  context: ViewContext,
  kept = new KeptWhileSame<OrganisationPageView>(),
): OrganisationPageView[] {
  // A document is listed under each organisation it names: format its date once.
  const dateOf = memoizeByObject((document: ArchiveDocument): DateView => dateView(document.date, context));
  return [...documentsOf]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([id, list]) => pagesOfOrganisation(known.get(id) as Organisation, list, documentsOf, known, labels, context, dateOf, kept));
}

export function buildOrganisations(
  documents: readonly ArchiveDocument[],
  labels: BrowseLabels,
  context: ViewContext,
  kept?: KeptWhileSame<OrganisationPageView>,
): OrganisationsModel {
  const known = context.registry.byId;
  const documentsOf = documentsByOrganisation(documents, known);
  return {
    index: organisationIndex(documentsOf, known, labels, context),
    pages: organisationPages(documentsOf, known, labels, context, kept),
    documentsOf,
  };
}
