// Under the development server, a saved document rewrites only the pages
// whose printed data changed. The archive's pages are a few kinds of
// thousands of pages each (archivePages.ts writes them): each build writes
// the pages this module picks, every page in a production build and after
// any change beyond the corpus's documents (a layout, a data file), and
// after a saved document only the pages it touched (its own, its
// neighbours', the lists that show it). Pages not picked keep the files the
// previous build wrote.

import { sameValues } from "../arabic/memo.ts";

/**
 * What a page prints, as values compared with Object.is: a document object
 * (the archive keeps it while its file is unchanged), or JSON of a view.
 */
export type Signature = readonly unknown[];

export function sameSignature(before: Signature | undefined, now: Signature): boolean {
  return before !== undefined && sameValues(before, now);
}

/** One kind of page (documents, timeline years, organisations), with how to name and sign each. */
export interface PageKind<T> {
  pages: readonly T[];
  urlOf(page: T): string;
  signatureOf(page: T): Signature;
}

export class PageChanges {
  #printed = new Map<string, Signature>();
  #siteWide: string | undefined;
  #everything = true;

  /**
   * Before a build: `onlyDocuments` when everything saved since the last
   * build is a document of the corpus. The first build, and any other change,
   * write every page.
   */
  startBuild(onlyDocuments: boolean): void {
    this.#everything = !onlyDocuments || this.#printed.size === 0;
  }

  /**
   * The pages of this build to write. `siteWide` is what every page prints
   * beside its own data (the stylesheet's and the font's fingerprinted
   * addresses): when it changed, every page is written. Call once per build.
   */
  select<Pages extends Record<string, unknown>>(siteWide: string, kinds: { [K in keyof Pages]: PageKind<Pages[K]> }): { [K in keyof Pages]: readonly Pages[K][] } {
    const everything = this.#everything || siteWide !== this.#siteWide;
    this.#siteWide = siteWide;
    const printed = new Map<string, Signature>();
    const selected = {} as { [K in keyof Pages]: readonly Pages[K][] };
    for (const name of Object.keys(kinds) as (keyof Pages)[]) {
      const { pages, urlOf, signatureOf } = kinds[name] as PageKind<unknown>;
      selected[name] = pages.filter((page): page is Pages[typeof name] => {
        const url = urlOf(page);
        const signature = signatureOf(page);
        printed.set(url, signature);
        return everything || !sameSignature(this.#printed.get(url), signature);
      });
    }
    this.#printed = printed;
    return selected;
  }
}
