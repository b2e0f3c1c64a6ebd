// The index's date order, kept out of Pagefind. Pagefind would write a sort
// into its metadata file, which every search fetches whether it sorts or not
// (5 kB of the 22 kB at 2,000 documents, and growing with the archive); so
// the build writes, beside each shard's bundle, its pages' ids (Pagefind's
// page hashes, which its results carry as `id`) from oldest to newest, and
// the search page fetches them only when the reader sorts by date.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { constants, gunzipSync } from "node:zlib";
import type { ShardKey } from "./shards.ts";

/** The file, in each shard's bundle folder: one page id per line, oldest first. */
export const DATE_ORDER_FILE = "date-order.txt";

const FRAGMENT = /^(.+)\.pf_fragment$/;
/** What Pagefind writes before the JSON of every fragment. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** Pagefind writes a fragment's URL first: its JSON string, at the start of the unzipped fragment. */
const URL_FIRST = /^\{"url":("(?:[^"\\]|\\.)*")/;
/** Compressed bytes enough for a fragment's first few hundred characters. */
const HEAD_BYTES = 512;

/**
 * The URL a fragment holds, from its first unzipped bytes (unzipping all of
 * thousands of fragments was most of the work), else from the whole.
 */
export function fragmentUrl(compressed: Buffer, path: string): string {
  const head = gunzipSync(compressed.subarray(0, HEAD_BYTES), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
  if (!head.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${path} is not a Pagefind fragment`);
  const quoted = URL_FIRST.exec(head.slice(FRAGMENT_SIGNATURE.length))?.[1];
  if (quoted !== undefined) return JSON.parse(quoted) as string;
  return (JSON.parse(gunzipSync(compressed).toString("utf8").slice(FRAGMENT_SIGNATURE.length)) as { url: string }).url;
}

/** The page id of every page of a bundle, by its URL (decoded: Pagefind writes it percent-encoded). */
export async function pageIdsByUrl(bundle: string): Promise<Map<string, string>> {
  const dir = join(bundle, "fragment");
  const fragments = (await readdir(dir)).flatMap((name) => {
    const id = FRAGMENT.exec(name)?.[1];
    return id === undefined ? [] : [{ id, path: join(dir, name) }];
  });
  const urls = await Promise.all(fragments.map(async ({ path }) => fragmentUrl(await readFile(path), path)));
  return new Map(fragments.map(({ id }, n) => [decodeURI(urls[n]!), id]));
}

/** The ids of `pages`, given in date order (by date, then URL, as the shards are cut: shards.ts compareKeys). */
export function dateOrder(pages: readonly ShardKey[], ids: ReadonlyMap<string, string>): string[] {
  return pages.map(({ url }) => {
    const id = ids.get(decodeURI(url));
    if (id === undefined) throw new Error(`Pagefind wrote no page for ${url}`);
    return id;
  });
}

/** Write a bundle's date order file for its pages, given in date order. */
export async function writeDateOrder(bundle: string, pages: readonly ShardKey[]): Promise<void> {
  const order = pages.length === 0 ? [] : dateOrder(pages, await pageIdsByUrl(bundle));
  await writeFile(join(bundle, DATE_ORDER_FILE), order.map((id) => `${id}\n`).join(""));
}
