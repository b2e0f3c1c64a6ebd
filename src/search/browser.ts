// The browser side of search, as fingerprinted files under /assets/search/;
// only the /search/ page loads them (other pages have no script and link
// there):
//   search-ui.js   hand-written search-page UI over Pagefind's JS API;
//   words.js       src/search/words.ts compiled, with src/arabic/normalize.ts
//                  (normalize.js) it imports: the very code the build indexes
//                  with prepares the reader's query;
//   labels.json    names the UI shows for filter values, and how many
//                  documents have each value (filterCounts): the UI lists
//                  the filters from it, so Pagefind fetches a filter's files
//                  only when a search uses that filter.
// The scripts are minified, and the TypeScript compiled, by esbuild's
// transform (no bundler): the tests and the page import words.js as a module
// of its own, whose one relative import is rewritten to the fingerprinted name.
import { readFileSync } from "node:fs";
import { transform } from "esbuild";
import { join } from "node:path";
import { fingerprintedName } from "../build/assets.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { OrganisationRegistry } from "../enrich/organisations.ts";
import { layoutsDir, projectRoot } from "../project.ts";
import { ORGANISATION_FILTER, registeredOrganisations, searchFilters, YEAR_FILTER } from "./records.ts";

export interface SearchAssetUrls {
  /** The search page's one script tag; the rest it loads itself. */
  ui: string;
  words: string;
  labels: string;
  /** Where Pagefind's bundle is written (its pagefind.js finds the rest). */
  pagefind: string;
}

export interface SearchAssets {
  urls: SearchAssetUrls;
  files: Map<string, string>;
}

export const ASSET_DIR = "assets/search";
export const PAGEFIND_DIR = "pagefind";
/** Shard n > 0 of a sharded index is in PAGEFIND_DIR/shard-<n>/ (see plugin.ts). */
export const SHARD_PREFIX = "shard-";
/** The line of search-ui.js that lists the further shards, filled in when there are any. */
const SHARDS_LINE = "const SHARDS = [];";

/**
 * A browser script as shipped: TypeScript types erased and the code minified
 * (esbuild), so the search page's scripts cost the reader about half the
 * bytes. A module's imports and exports keep their names.
 */
async function minifiedScript(source: string, loader: "ts" | "js"): Promise<string> {
  const { code } = await transform(source, { loader, format: "esm", target: "es2022", minify: true, legalComments: "none" });
  return code;
}

function fingerprinted(files: Map<string, string>, name: string, content: string): string {
  const file = fingerprintedName(name, content);
  files.set(`${ASSET_DIR}/${file}`, content);
  return `/${ASSET_DIR}/${file}`;
}

/** The compiled query-preparation modules, keyed by their sources so a rebuild only recompiles after an edit. */
let compiled: { key: string; normalize: string; words: string } | undefined;

async function compileWords(): Promise<{ normalize: string; words: string }> {
  const normalizeSource = readFileSync(join(projectRoot, "src/arabic/normalize.ts"), "utf8");
  const wordsSource = readFileSync(join(projectRoot, "src/search/words.ts"), "utf8");
  const key = normalizeSource + "\0" + wordsSource;
  if (compiled?.key !== key) {
    compiled = { key, normalize: await minifiedScript(normalizeSource, "ts"), words: await minifiedScript(wordsSource, "ts") };
  }
  return compiled;
}

/**
 * search-ui.js with the further shards of the index (directories relative to
 * the Pagefind bundle) written into it; as written when there are none.
 */
export function searchUiSource(source: string, shards: readonly string[]): string {
  if (shards.length === 0) return source;
  if (source.split(SHARDS_LINE).length !== 2) throw new Error(`layouts/assets/search-ui.js must have the line "${SHARDS_LINE}" once`);
  return source.replace(SHARDS_LINE, `const SHARDS = ${JSON.stringify(shards)};`);
}

/** The browser files of search; `shards`: the index's further shards (see searchUiSource). */
export async function buildSearchAssets(labels: unknown, shards: readonly string[] = []): Promise<SearchAssets> {
  const files = new Map<string, string>();
  const { normalize, words } = await compileWords();
  const normalizeUrl = fingerprinted(files, "normalize.js", normalize);
  const wordsJs = words.replace(/from\s*["']\.\.\/arabic\/normalize\.ts["']/g, `from "./${normalizeUrl.split("/").pop()}"`);
  if (/from\s*["'][^"']+\.ts["']/.test(wordsJs)) throw new Error("src/search/words.ts may import only src/arabic/normalize.ts: it runs in the browser");
  const urls: SearchAssetUrls = {
    ui: fingerprinted(files, "search-ui.js", await minifiedScript(searchUiSource(readFileSync(join(layoutsDir, "assets/search-ui.js"), "utf8"), shards), "js")),
    words: fingerprinted(files, "words.js", wordsJs),
    labels: fingerprinted(files, "labels.json", `${JSON.stringify(labels)}\n`),
    pagefind: `/${PAGEFIND_DIR}/`,
  };
  return { urls, files };
}

/** Filter name -> value -> how many documents have it. */
export type FilterCounts = Record<string, Record<string, number>>;

function increment(counts: Record<string, number>, value: string): void {
  counts[value] = (counts[value] ?? 0) + 1;
}

/** The counts with their values in order, so labels.json (and its name) depend only on what is counted. */
function ordered(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * How many documents have each value of the search filters, over the whole
 * archive: the values searchFilters() (records.ts) gives each document's
 * search record, counted once per document, as Pagefind's filters() would
 * report them for the index. The search UI lists the organisation and year
 * filters from these, so opening the search page fetches none of Pagefind's
 * filter files.
 */
export function filterCounts(documents: readonly ArchiveDocument[], registry: Pick<OrganisationRegistry, "byId">): FilterCounts {
  const counts: FilterCounts = { [ORGANISATION_FILTER]: {}, [YEAR_FILTER]: {} };
  for (const document of documents) {
    for (const [name, values] of Object.entries(searchFilters(registeredOrganisations(document, registry), document))) {
      for (const value of new Set(values)) increment((counts[name] ??= {}), value);
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([name, values]) => [name, ordered(values)]));
}
