// The index's date order, kept out of Pagefind. Pagefind would write a sort
// into its metadata file, which every search fetches whether it sorts or not
// (5 kB of the 22 kB at 2,000 documents, and growing with the archive); so
// the build writes, beside each shard's bundle, its pages' ids (Pagefind's
// page hashes, which its results carry as `id`) from oldest to newest, and
// the search page fetches them only when the reader sorts by date.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { compareKeys, type ShardKey } from "./shards.ts";

/** The file, in each shard's bundle folder: one page id per line, oldest first. */
export const DATE_ORDER_FILE = "date-order.txt";

const FRAGMENT = /^(.+)\.pf_fragment$/;
/** What Pagefind writes before the JSON of every fragment. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** The page id of every page of a bundle, by its URL (decoded: Pagefind writes it percent-encoded). */
export function pageIdsByUrl(bundle: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundle, "fragment");
  for (const name of readdirSync(dir)) {
    const id = FRAGMENT.exec(name)?.[1];
    if (id === undefined) continue;
    const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
    if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${join(dir, name)} is not a Pagefind fragment`);
    const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string };
    ids.set(decodeURI(url), id);
  }
  return ids;
}

/** The ids of `pages` (each its URL and date sort key) in date order: by date, then URL, as the shards are cut. */
export function dateOrder(pages: readonly ShardKey[], ids: ReadonlyMap<string, string>): string[] {
  return [...pages].sort(compareKeys).map(({ url }) => {
    const id = ids.get(decodeURI(url));
    if (id === undefined) throw new Error(`Pagefind wrote no page for ${url}`);
    return id;
  });
}

/** Write a bundle's date order file for its pages. */
export function writeDateOrder(bundle: string, pages: readonly ShardKey[]): void {
  const order = pages.length === 0 ? [] : dateOrder(pages, pageIdsByUrl(bundle));
  writeFileSync(join(bundle, DATE_ORDER_FILE), order.map((id) => `${id}\n`).join(""));
}
