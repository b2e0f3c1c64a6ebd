// One Pagefind record per published document, built from the in-memory
// document rather than its HTML: the text handed to Pagefind is the page's
// display text prepared by indexText() (see words.ts), so what is indexed is
// under our control while excerpts, once decoded, read exactly like the page.
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { Organisation } from "../enrich/organisations.ts";
import { stripBidiControls } from "../text/inline.ts";
import { dateView, placeText, type ViewContext } from "../site/views.ts";
import { alternativeSpellings, escapeAll, indexText } from "./words.ts";

/** What Pagefind's addCustomRecord takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Filter names, as the search page's URL and the UI use them. */
export const ORGANISATION_FILTER = "organisation";
export const YEAR_FILTER = "year";
/** Sort key for undated documents: before every real date, so "newest first" lists them last. */
export const UNDATED_SORT_KEY = "0000";

/** Every name of an organisation, in any script: found by INTERPOL as well as by الإنتربول. */
export function organisationNames(organisation: Organisation): string[] {
  return [
    organisation.name_ar,
    organisation.short_ar,
    ...organisation.variants_ar,
    organisation.name_en,
    ...organisation.names_latin,
    ...organisation.acronyms,
  ];
}

/** The text readers see in the page body, block by block. */
export function displayText(document: ArchiveDocument): string {
  return stripBidiControls(document.plainText);
}

export function searchRecord(document: ArchiveDocument, context: ViewContext): SearchRecord {
  const date = dateView(document.date, context);
  const place = placeText(document.place);
  const organisations = document.organisations
    .map((mention) => context.registry.byId.get(mention.id))
    .filter((organisation): organisation is Organisation => organisation !== undefined);
  // Every meta field is searchable in Pagefind 1.6, so each is prepared like
  // the body. `names` and `forms` are never shown: `names` holds the other
  // names of the organisations the document mentions (synonyms across
  // scripts), `forms` other spellings of its words (words.ts). `iso` is
  // escaped whole, so its digits are not words anyone finds the page by.
  const meta: Record<string, string> = { title: indexText(document.title), date: indexText(date.text) };
  if (date.iso) meta.iso = escapeAll(date.iso);
  if (place) meta.place = indexText(place);
  const names = [...new Set(organisations.flatMap(organisationNames))];
  if (names.length > 0) meta.names = indexText(names.join(" "));
  const forms = alternativeSpellings(`${document.title}\n${displayText(document)}`);
  if (forms.length > 0) meta.forms = indexText(forms.join(" "));
  const filters: Record<string, string[]> = {};
  if (organisations.length > 0) filters[ORGANISATION_FILTER] = organisations.map((organisation) => organisation.id).sort();
  if (document.date.year !== undefined) filters[YEAR_FILTER] = [String(document.date.year)];
  return {
    url: document.url,
    content: indexText(displayText(document)),
    language: "ar",
    meta,
    filters,
    sort: { date: document.date.iso ?? UNDATED_SORT_KEY },
  };
}

/** Labels the search UI shows for filter values: organisation id -> its short Arabic name. */
export function filterLabels(context: ViewContext): Record<string, Record<string, string>> {
  const organisations: Record<string, string> = {};
  for (const organisation of context.registry.organisations) organisations[organisation.id] = organisation.short_ar;
  return { [ORGANISATION_FILTER]: organisations };
}
