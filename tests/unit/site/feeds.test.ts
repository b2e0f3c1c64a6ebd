import { describe, expect, it } from "vitest";
import { documentInstant, feedView, sitemapPaths } from "../../../src/site/feeds.ts";
import { doc } from "./browse-helpers.ts";

const feed = { url: "/feed.xml", alternate: "/timeline/", title: "الأرشيف", subtitle: "وصف" };

describe("documentInstant", () => {
  it("stands a document at the start of its day, month or year, in UTC", () => {
    expect(documentInstant(doc("a", "2019-09-10"))?.toISOString()).toBe("2019-09-10T00:00:00.000Z");
    expect(documentInstant(doc("b", "2019-09"))?.toISOString()).toBe("2019-09-01T00:00:00.000Z");
    expect(documentInstant(doc("c", "2019"))?.toISOString()).toBe("2019-01-01T00:00:00.000Z");
    expect(documentInstant(doc("d", null))).toBeNull();
  });
});

describe("feedView", () => {
  const documents = [doc("old", "2016-06-01"), doc("undated", null), doc("new", "2021-11-20"), doc("month", "2021-11"), doc("year", "2019")];

  it("carries the newest dated documents, newest first, and leaves undated ones out", () => {
    const view = feedView(documents, feed);
    expect(view.entries.map((entry) => entry.url)).toEqual(["/documents/new/", "/documents/month/", "/documents/year/", "/documents/old/"]);
    expect(view.entries[0]).toMatchObject({ title: "وثيقة new", summary: "نص الوثيقة new.", html: "<p>نص new</p>" });
  });

  it("is as new as its newest entry, never the build time", () => {
    expect(feedView(documents, feed).updated.toISOString()).toBe("2021-11-20T00:00:00.000Z");
    expect(feedView([doc("undated", null)], feed).updated.toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });

  it("stops at the limit", () => {
    expect(feedView(documents, feed, 2).entries.map((entry) => entry.url)).toEqual(["/documents/new/", "/documents/month/"]);
  });

  it("prefers a front-matter description for the summary", () => {
    const described = { ...doc("d", "2020"), description: "ملخص المحرر." };
    expect(feedView([described], feed).entries[0]!.summary).toBe("ملخص المحرر.");
  });
});

describe("sitemapPaths", () => {
  it("keeps folder addresses only, once each, sorted", () => {
    expect(
      sitemapPaths([{ url: "/timeline/" }, { url: "/404.html" }, { url: false }, {}, { url: "/" }, { url: "/feed.xml" }, { url: "/timeline/" }, { url: "/documents/a/" }]),
    ).toEqual(["/", "/documents/a/", "/timeline/"]);
  });

  it("adds the archive's own pages, written by this build or not", () => {
    expect(sitemapPaths([{ url: "/" }, { url: "/search/" }], ["/documents/b/", "/documents/a/", "/", "/organisations/un/feed.xml"])).toEqual([
      "/",
      "/documents/a/",
      "/documents/b/",
      "/search/",
    ]);
  });
});
