// One Pagefind record per published document, built from the in-memory
// document rather than its HTML: the text handed to Pagefind is the page's
// display text prepared by indexText() (see words.ts), so what is indexed is
// under our control while excerpts, once decoded, read exactly like the page.
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { Organisation } from "../enrich/organisations.ts";
import { stripBidiControls } from "../text/inline.ts";
import { dateView, placeText, type ViewContext } from "../site/views.ts";
import { memoize, memoizeByObject } from "../arabic/memo.ts";
import { isWhiteSpace } from "../arabic/whitespace.ts";
import { escapeAll, indexWord, searchableCore } from "./words.ts";

/**
 * A document as the search index holds it: what Pagefind's addCustomRecord
 * takes, and `sort.date`, which the build keeps out of Pagefind and writes
 * as the index's date order of its own (dateOrder.ts).
 */
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
  /** searchableCore(word) in lower case: the word Pagefind indexes for it. */
  core: string;
}

const preparedWord = memoize(
  (word: string): PreparedWord => ({ indexed: indexWord(word), core: searchableCore(word).toLowerCase() }),
);

/** What indexTextOf() may gather from a text as it goes. */
export interface TextFindings {
  /** The searchable cores of the text's words, in lower case. */
  cores?: Set<string>;
}

/**
 * The same as words.ts indexText(text): every run of non-white-space replaced
 * by its indexWord(); what `findings` asks for is gathered on the way.
 */
export function indexTextOf(text: string, findings: TextFindings = {}): string {
  const { cores } = findings;
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
    cores?.add(prepared.core);
    if (prepared.indexed !== word) {
      out += text.slice(from, start) + prepared.indexed;
      from = i;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The words of an organisation's names, in any script, each once. */
const nameWordsOf = memoizeByObject((organisation: Organisation): readonly string[] => wordsOfNames(organisationNames(organisation)));

function wordsOfNames(names: readonly string[]): readonly string[] {
  return [...new Set(names.flatMap((name) => name.split(/\s+/)).filter((word) => word !== ""))];
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

/** An organisation's Arabic names (each as its words' searchable cores), and the words of its names that a document writing one of them still lacks. */
const arabicNamesOf = memoizeByObject((organisation: Organisation) => {
  const arabic = [organisation.name_ar, organisation.short_ar, ...organisation.variants_ar].filter((name) => ARABIC_LETTER.test(name));
  const latin = organisationNames(organisation).filter((name) => !ARABIC_LETTER.test(name));
  return {
    cores: arabic.map((name) => name.split(/\s+/).filter((word) => word !== "").map((word) => preparedWord(word).core)),
    // The Latin names and acronyms, and the one-word Arabic names (الإنتربول، اليونيسف): distinctive words only.
    synonyms: wordsOfNames([...latin, ...arabic.filter((name) => !/\s/.test(name.trim()))]),
  };
});

/**
 * The words of an organisation's names a document should be found by: all
 * of them when it names the organisation in another script only (a Latin
 * UNODC is found by مكتب الأمم المتحدة ...), but when it writes one of the
 * Arabic names itself, only the Latin names and one-word Arabic names: the
 * words of its other Arabic names (منظمة، الأمم، المتحدة، مكتب ...) would
 * make the document answer searches for words it does not hold.
 */
function searchableNameWords(organisation: Organisation, present: ReadonlySet<string>): readonly string[] {
  const { cores, synonyms } = arabicNamesOf(organisation);
  const writesArabicName = cores.some((words) => words.length > 0 && words.every((core) => present.has(core)));
  return writesArabicName ? synonyms : nameWordsOf(organisation);
}

/**
 * The words of the organisations' names (searchableNameWords) that
 * Pagefind would not already find in the document (`present`: the
 * searchable cores of its title and body), each once, as index text; null
 * when there is none. A query matches
 * a page when every word is somewhere in it, so the words the document
 * itself holds need no second copy: that keeps the index and every
 * result's fragment smaller.
 */
export function missingNameWords(organisations: readonly Organisation[], present: ReadonlySet<string>): string | null {
  const missing = new Set<string>();
  const cores = new Set<string>();
  for (const organisation of organisations) {
    for (const word of searchableNameWords(organisation, present)) {
      const { core } = preparedWord(word);
      if (core === "" || present.has(core) || cores.has(core)) continue;
      cores.add(core);
      missing.add(word);
    }
  }
  return missing.size > 0 ? indexTextOf([...missing].join(" ")) : null;
}

/** The registry entries of the organisations a document mentions (an id the registry lacks is left out). */
export function registeredOrganisations(document: ArchiveDocument, registry: Pick<ViewContext["registry"], "byId">): Organisation[] {
  return document.organisations
    .map((mention) => registry.byId.get(mention.id))
    .filter((organisation): organisation is Organisation => organisation !== undefined);
}

/** A document's search filter values: the ids of its registered organisations, and its year. */
export function searchFilters(organisations: readonly Organisation[], document: ArchiveDocument): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  if (organisations.length > 0) filters[ORGANISATION_FILTER] = organisations.map((organisation) => organisation.id).sort();
  if (document.date.year !== undefined) filters[YEAR_FILTER] = [String(document.date.year)];
  return filters;
}

/** What a document's record sorts by (its `sort.date`), known before the record is built. */
export function sortDateOf(document: ArchiveDocument): string {
  return document.date.iso ?? UNDATED_SORT_KEY;
}

export function searchRecord(document: ArchiveDocument, context: ViewContext): SearchRecord {
  const date = dateView(document.date, context);
  const place = placeText(document.place);
  const organisations = registeredOrganisations(document, context.registry);
  // Every meta field is searchable in Pagefind 1.6, so each is prepared like
  // the body. `names` is never shown: it holds the words of the other names
  // of the organisations the document mentions (synonyms across scripts)
  // that it does not hold itself. `iso` is escaped whole, so its digits are
  // not words anyone finds the page by. The title and the body give, as they
  // are indexed, the cores of their words.
  const present = new Set<string>();
  const content = indexTextOf(displayText(document), { cores: present });
  const meta: Record<string, string> = { title: indexTextOf(document.title, { cores: present }), date: indexTextOf(date.text) };
  if (date.iso) meta.iso = escapeAll(date.iso);
  if (place) meta.place = indexTextOf(place);
  const names = missingNameWords(organisations, present);
  if (names !== null) meta.names = names;
  return {
    url: document.url,
    content,
    language: "ar",
    meta,
    filters: searchFilters(organisations, document),
    sort: { date: sortDateOf(document) },
  };
}

/** Labels the search UI shows for filter values: organisation id -> its short Arabic name. */
export function filterLabels(context: ViewContext): Record<string, Record<string, string>> {
  const organisations: Record<string, string> = {};
  for (const organisation of context.registry.organisations) organisations[organisation.id] = organisation.short_ar;
  return { [ORGANISATION_FILTER]: organisations };
}
