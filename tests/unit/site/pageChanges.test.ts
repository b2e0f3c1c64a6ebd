import { describe, expect, it } from "vitest";
import { PageChanges, sameSignature } from "../../../src/site/pageChanges.ts";

interface Page {
  url: string;
  title: string;
}

const page = (url: string, title: string): Page => ({ url, title });
/** A kind of page signed by the JSON of what it prints, as the listing pages are. */
const byJson = (pages: Page[]) => ({ pages, urlOf: (p: Page) => p.url, signatureOf: (p: Page) => [JSON.stringify(p)] });
/** A kind of page signed by the object it is made from, as the document pages are. */
const byObject = (pages: object[]) => ({ pages, urlOf: (p: object) => String((p as Page).url), signatureOf: (p: object) => [p] });

describe("sameSignature", () => {
  it("compares each value by identity", () => {
    const document = { url: "/a/" };
    expect(sameSignature([document, "x"], [document, "x"])).toBe(true);
    expect(sameSignature([{ url: "/a/" }], [{ url: "/a/" }])).toBe(false);
    expect(sameSignature(["x"], ["x", "y"])).toBe(false);
    expect(sameSignature(undefined, [])).toBe(false);
  });
});

describe("PageChanges", () => {
  it("writes every page in the first build, even when only documents were saved", () => {
    const changes = new PageChanges();
    changes.startBuild(true);
    const pages = [page("/a/", "A"), page("/b/", "B")];
    expect(changes.select("site", { lists: byJson(pages) }).lists).toEqual(pages);
  });

  it("after saved documents, writes only the pages whose signature changed, and the new ones", () => {
    const changes = new PageChanges();
    const a = { url: "/documents/a/" };
    const b = { url: "/documents/b/" };
    changes.startBuild(false);
    changes.select("site", { documents: byObject([a, b]), lists: byJson([page("/2019/", "A, B"), page("/2020/", "C")]) });

    changes.startBuild(true);
    const editedB = { url: "/documents/b/" };
    const c = { url: "/documents/c/" };
    const next = changes.select("site", { documents: byObject([a, editedB, c]), lists: byJson([page("/2019/", "A, B2"), page("/2020/", "C")]) });
    expect(next.documents).toEqual([editedB, c]);
    expect(next.lists).toEqual([page("/2019/", "A, B2")]);

    // Nothing changed since: nothing to write.
    changes.startBuild(true);
    expect(changes.select("site", { documents: byObject([a, editedB, c]), lists: byJson([page("/2019/", "A, B2"), page("/2020/", "C")]) })).toEqual({
      documents: [],
      lists: [],
    });
  });

  it("writes every page after a change beyond the documents, or when what every page prints changed", () => {
    const changes = new PageChanges();
    const pages = [page("/a/", "A"), page("/b/", "B")];
    changes.startBuild(false);
    changes.select("style-1", { lists: byJson(pages) });
    changes.startBuild(false); // a layout or a data file was saved
    expect(changes.select("style-1", { lists: byJson(pages) }).lists).toEqual(pages);
    changes.startBuild(true); // a document brought new characters: the font's address changed
    expect(changes.select("style-2", { lists: byJson(pages) }).lists).toEqual(pages);
    changes.startBuild(true);
    expect(changes.select("style-2", { lists: byJson(pages) }).lists).toEqual([]);
  });

  it("forgets pages that are gone: one that comes back is written again", () => {
    const changes = new PageChanges();
    changes.startBuild(false);
    changes.select("site", { lists: byJson([page("/a/", "A"), page("/b/", "B")]) });
    changes.startBuild(true);
    expect(changes.select("site", { lists: byJson([page("/a/", "A")]) }).lists).toEqual([]);
    changes.startBuild(true);
    expect(changes.select("site", { lists: byJson([page("/a/", "A"), page("/b/", "B")]) }).lists).toEqual([page("/b/", "B")]);
  });
});
