// Print-ready data for the templates: every decision about wording, order and
// formatting is made here, so the Nunjucks layouts only place values.
import { formatDate, formatHijri, type CalendarNames } from "../enrich/dates.ts";
import type { OrganisationRegistry } from "../enrich/organisations.ts";
import { toArabicIndicDigits } from "../arabic/normalize.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { DocumentDate, Place } from "../model.ts";
import type { SiteSettings } from "./settings.ts";
import type { TimelineNeighbours } from "./timeline.ts";

export interface ViewContext {
  settings: SiteSettings;
  calendar: CalendarNames;
  registry: OrganisationRegistry;
}

export interface DateView {
  iso: string | null;
  text: string;
  hijri: string | null;
  /** Said beside the date when part of it was deduced rather than written. */
  note: string | null;
}

export interface DocumentView {
  url: string;
  title: string;
  titleNote: string | null;
  date: DateView;
  place: string | null;
  /** Each links to its page, /organisations/<id>/. */
  organisations: { id: string; name: string; count: number; url: string }[];
  excerpt: string;
  sourceFile: string;
}

export const NAVIGATION = [
  { url: "/", label: "الرئيسية" },
  { url: "/timeline/", label: "الخط الزمني" },
  { url: "/organisations/", label: "المنظمات" },
  { url: "/search/", label: "البحث" },
] as const;

const UNDATED = "غير مؤرخ";
const INFERRED_DATE_NOTE = "السنة مستنتجة من النص";
const EXCERPT_LENGTH = 220;

/** The address of an organisation's page. */
export function organisationUrl(id: string): string {
  return `/organisations/${id}/`;
}

/** Numbers as the settings ask: Western or Arabic-Indic digits. */
export function formatNumber(value: number | string, settings: SiteSettings): string {
  const text = String(value);
  return settings.digits === "arabic-indic" ? toArabicIndicDigits(text) : text;
}

/** Arabic counted nouns by CLDR plural category ("{n}" is the number). */
export type CountedNoun = Record<Intl.LDMLPluralRule, string>;

export const DOCUMENTS_NOUN: CountedNoun = {
  zero: "لا وثائق",
  one: "وثيقة واحدة",
  two: "وثيقتان",
  few: "{n} وثائق",
  many: "{n} وثيقة",
  other: "{n} وثيقة",
};

export const ORGANISATIONS_NOUN: CountedNoun = {
  zero: "لا منظمات",
  one: "منظمة واحدة",
  two: "منظمتان",
  few: "{n} منظمات",
  many: "{n} منظمة",
  other: "{n} منظمة",
};

const arabicPlurals = new Intl.PluralRules("ar");

/** Counted phrases already made, by noun, digits and number: a large archive prints the same few counts many thousand times. */
const countedPhrases = new WeakMap<CountedNoun, Map<string, string>>();

/** "3 وثائق", "11 وثيقة", "وثيقتان": Arabic agreement of a noun with its number. */
export function countOf(value: number, noun: CountedNoun, settings: SiteSettings): string {
  let phrases = countedPhrases.get(noun);
  if (!phrases) countedPhrases.set(noun, (phrases = new Map()));
  const key = `${settings.digits}:${value}`;
  let phrase = phrases.get(key);
  if (phrase === undefined) {
    phrase = noun[arabicPlurals.select(value)].replace("{n}", formatNumber(value, settings));
    phrases.set(key, phrase);
  }
  return phrase;
}

export function dateView(date: DocumentDate, context: ViewContext): DateView {
  if (date.precision === "none" || date.iso === null) return { iso: null, text: UNDATED, hijri: null, note: null };
  const options = { monthNames: context.settings.monthNames, digits: context.settings.digits };
  return {
    iso: date.iso,
    text: formatDate(date, options, context.calendar),
    hijri: context.settings.hijri ? formatHijri(date, context.settings.digits, context.calendar) : null,
    note: date.source === "inferred" ? INFERRED_DATE_NOTE : null,
  };
}

export function placeText(place: Place | null): string | null {
  if (!place) return null;
  return place.country ? `${place.city}، ${place.country}` : place.city;
}

/**
 * A short plain-text excerpt, cut at a word boundary. Only the opening of the
 * text is flattened (a document is thousands of characters; the excerpt is a
 * few hundred): the flattened opening of a text is the opening of the
 * flattened text, so once it is longer than `length` the excerpt is the same.
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flatten = (part: string): string => part.replace(/\s+/g, " ").trim();
  let end = 2 * length + 2;
  let flat = flatten(text.slice(0, end));
  while (flat.length <= length && end < text.length) {
    end *= 2;
    flat = flatten(text.slice(0, end));
  }
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2)).trim()}…`;
}

export function documentView(document: ArchiveDocument, context: ViewContext): DocumentView {
  return {
    url: document.url,
    title: document.title,
    titleNote: document.titleSource === "inferred" ? "العنوان مستخلص من أول النص؛ النص الأصلي بلا عنوان." : null,
    date: dateView(document.date, context),
    place: placeText(document.place),
    organisations: document.organisations.map((mention) => ({
      id: mention.id,
      name: context.registry.byId.get(mention.id)?.short_ar ?? mention.id,
      count: mention.count,
      url: organisationUrl(mention.id),
    })),
    excerpt: document.description ?? excerpt(document.plainText),
    sourceFile: document.sourcePath,
  };
}

/** A document's own page: its view, its body and its neighbours in the timeline. */
export interface DocumentPage extends DocumentView {
  bodyHtml: string;
  neighbours: TimelineNeighbours | null;
}

export function documentPage(document: ArchiveDocument, context: ViewContext, neighbours: TimelineNeighbours | undefined): DocumentPage {
  return { ...documentView(document, context), bodyHtml: document.bodyHtml, neighbours: neighbours ?? null };
}

/** Arabic collation, made once: `localeCompare(x, "ar")` builds it anew on every call of a sort. */
export const arabicCollator = new Intl.Collator("ar");

/** Newest first; undated last; ties broken by title so the order never wobbles between builds. */
export function compareNewestFirst(a: ArchiveDocument, b: ArchiveDocument): number {
  const left = a.date.iso ?? "";
  const right = b.date.iso ?? "";
  if (left !== right) return left < right ? 1 : -1;
  return arabicCollator.compare(a.title, b.title) || a.slug.localeCompare(b.slug);
}

export interface HomeView {
  summary: string;
  latest: DocumentView[];
}

export function homeView(documents: readonly ArchiveDocument[], context: ViewContext): HomeView {
  const sorted = [...documents].sort(compareNewestFirst);
  const organisations = new Set(documents.flatMap((document) => document.organisations.map((mention) => mention.id)));
  const { settings } = context;
  return {
    summary: `${countOf(documents.length, DOCUMENTS_NOUN, settings)} في الأرشيف، تذكر ${countOf(organisations.size, ORGANISATIONS_NOUN, settings)}.`,
    latest: sorted.slice(0, context.settings.homeDocuments).map((document) => documentView(document, context)),
  };
}
