// One Pagefind record per published document, built from the in-memory
// document rather than its HTML: the text handed to Pagefind is the page's
// display text prepared by indexText() (see words.ts), so what is indexed is
// under our control while excerpts, once decoded, read exactly like the page.
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { Organisation } from "../enrich/organisations.ts";
import { stripBidiControls } from "../text/inline.ts";
import { dateView, placeText, type ViewContext } from "../site/views.ts";
import { memoize } from "../arabic/memo.ts";
import { isWhiteSpace } from "../arabic/whitespace.ts";
import { alternativeSpellings, escapeAll, indexWord } from "./words.ts";

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

// The rules of words.ts, applied word by word with each distinct word
// prepared once: words.ts is also shipped to the browser as it is written, so
// the build keeps its own memo around it rather than changing it.

interface PreparedWord {
  /** indexWord(word). */
  indexed: string;
  /** The other spelling alternativeSpellings() gives the word, or "". */
  spelling: string;
}

const preparedWord = memoize((word: string): PreparedWord => ({ indexed: indexWord(word), spelling: alternativeSpellings(word)[0] ?? "" }));

/**
 * The same as words.ts indexText(text): every run of non-white-space replaced
 * by its indexWord(). When `spellings` is given, what alternativeSpellings()
 * finds in the text is added to it.
 */
export function indexTextOf(text: string, spellings?: Set<string>): string {
  let out = "";
  let from = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isWhiteSpace(text.charCodeAt(i))) i++;
    if (i === length) break;
    const start = i;
    while (i < length && !isWhiteSpace(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    const prepared = preparedWord(word);
    if (spellings && prepared.spelling !== "") spellings.add(prepared.spelling);
    if (prepared.indexed !== word) {
      out += text.slice(from, start) + prepared.indexed;
      from = i;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** An organisation's names, each once, and their index text. */
interface OrganisationNames {
  names: readonly string[];
  indexed: string;
}

const namesOfOrganisation = new WeakMap<Organisation, OrganisationNames>();

function namesOf(organisation: Organisation): OrganisationNames {
  let entry = namesOfOrganisation.get(organisation);
  if (entry === undefined) {
    const names = [...new Set(organisationNames(organisation))];
    entry = { names, indexed: indexTextOf(names.join(" ")) };
    namesOfOrganisation.set(organisation, entry);
  }
  return entry;
}

/**
 * indexTextOf() of every name of the organisations, each name once (null
 * when there is none). No two registry entries share a name, so this is
 * each organisation's own index text, joined; should one name come twice
 * after all, the names are prepared together.
 */
export function indexedNames(organisations: readonly Organisation[]): string | null {
  const parts = organisations.map(namesOf).filter((part) => part.names.length > 0);
  const seen = new Set<string>();
  let repeated = false;
  for (const part of parts) {
    for (const name of part.names) {
      if (seen.has(name)) repeated = true;
      seen.add(name);
    }
  }
  if (seen.size === 0) return null;
  return repeated ? indexTextOf([...seen].join(" ")) : parts.map((part) => part.indexed).join(" ");
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
  // What alternativeSpellings() finds in the title and the body, gathered as they are indexed.
  const spellings = new Set<string>();
  const content = indexTextOf(displayText(document), spellings);
  const meta: Record<string, string> = { title: indexTextOf(document.title, spellings), date: indexTextOf(date.text) };
  if (date.iso) meta.iso = escapeAll(date.iso);
  if (place) meta.place = indexTextOf(place);
  const names = indexedNames(organisations);
  if (names !== null) meta.names = names;
  const forms = [...spellings].sort();
  if (forms.length > 0) meta.forms = indexTextOf(forms.join(" "));
  const filters: Record<string, string[]> = {};
  if (organisations.length > 0) filters[ORGANISATION_FILTER] = organisations.map((organisation) => organisation.id).sort();
  if (document.date.year !== undefined) filters[YEAR_FILTER] = [String(document.date.year)];
  return {
    url: document.url,
    content,
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
