import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { layoutsDir } from "../../../src/project.ts";
import { ARCHIVE_LAYOUTS, browseArchivePage, documentArchivePage, outputPathOf, writeArchivePages, type LayoutRenderer } from "../../../src/site/archivePages.ts";
import { buildOrganisations } from "../../../src/site/organisations.ts";
import { buildTimeline } from "../../../src/site/timeline.ts";
import { documentPage, NAVIGATION } from "../../../src/site/views.ts";
import { contextWith, doc, labels } from "./browse-helpers.ts";

const context = contextWith();
const layoutData = { site: context.settings, navigation: NAVIGATION, assets: { css: "/assets/site.css", font400: "/assets/font.woff2" } };
// The layouts as written, with autoescape as Eleventy's environment has it.
const layouts: LayoutRenderer = new nunjucks.Environment(new nunjucks.FileSystemLoader(layoutsDir), { autoescape: true });

describe("outputPathOf", () => {
  it("writes a folder URL as its index.html, as Eleventy writes a permalink ending in /", () => {
    expect(outputPathOf("/documents/interpol-doha-2017/")).toBe("documents/interpol-doha-2017/index.html");
    expect(outputPathOf("/documents/تقرير-2019/")).toBe("documents/تقرير-2019/index.html");
  });

  it("refuses a URL that is not a folder path under the site's root", () => {
    for (const url of ["documents/a/", "/documents/a", "/documents/../../etc/", "/documents/./a/", "/documents/a&b/", "//a/", "/documents/a?b/"]) {
      expect(() => outputPathOf(url), url).toThrow(/must be a folder path such as \/documents\/name\/; got .*Check the slug or identifier it is made from/);
    }
  });
});

const documentPages = (...documents: ReturnType<typeof doc>[]) =>
  documents.map((document) => documentArchivePage(documentPage(document, context, undefined), layoutData, context.settings));

describe("writeArchivePages", () => {
  it("renders each document's page with the document layout and writes it at its URL", () => {
    const output = mkdtempSync(join(tmpdir(), "archive-pages-"));
    const count = writeArchivePages(documentPages(doc("first", "2019-09-10"), doc("second", null)), layouts, output);
    expect(count).toBe(2);
    expect(readdirSync(join(output, "documents")).sort()).toEqual(["first", "second"]);
    const html = readFileSync(join(output, "documents/first/index.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<h1>وثيقة first</h1>");
    expect(html).toContain('<time datetime="2019-09-10">');
    expect(html).toContain(`<link rel="canonical" href="${context.settings.url}/documents/first/">`);
    expect(html).toContain('<link rel="stylesheet" href="/assets/site.css">');
    expect(html).toContain("<p>نص first</p>");
  });

  it("escapes what the document says, as Eleventy's pages do", () => {
    const output = mkdtempSync(join(tmpdir(), "archive-pages-"));
    writeArchivePages(documentPages(doc("escaped", null, {}, "عنوان <b>و</b> & ما بعده")), layouts, output);
    expect(readFileSync(join(output, "documents/escaped/index.html"), "utf8")).toContain("<h1>عنوان &lt;b&gt;و&lt;/b&gt; &amp; ما بعده</h1>");
  });

  it("names the document and the layout when a page cannot be rendered", () => {
    const failing: LayoutRenderer = {
      render: () => {
        throw new Error("unknown filter");
      },
    };
    expect(() => writeArchivePages(documentPages(doc("broken", null)), failing, tmpdir())).toThrow(
      `Could not render the page of broken.txt with layouts/${ARCHIVE_LAYOUTS.document}: unknown filter`,
    );
  });

  it("writes a timeline year's and an organisation's page in the page shell, titled and with the organisation's feed", () => {
    const output = mkdtempSync(join(tmpdir(), "archive-pages-"));
    const documents = [doc("a", "2019-09-10", { unodc: 2 }), doc("b", "2019-10-01", { unodc: 1 })];
    const year = buildTimeline(documents, context).pages.find((page) => page.url === "/timeline/2019/")!;
    const organisation = buildOrganisations(documents, labels, context).pages.find((page) => page.id === "unodc")!;
    const pages = [browseArchivePage(ARCHIVE_LAYOUTS.timelineYear, year, layoutData, context.settings), browseArchivePage(ARCHIVE_LAYOUTS.organisation, organisation, layoutData, context.settings)];
    expect(writeArchivePages(pages, layouts, output)).toBe(2);
    const yearHtml = readFileSync(join(output, "timeline/2019/index.html"), "utf8");
    expect(yearHtml).toContain(`<title>${year.title} | ${context.settings.title}</title>`);
    expect(yearHtml).toContain('<a href="/documents/a/">');
    const organisationHtml = readFileSync(join(output, "organisations/unodc/index.html"), "utf8");
    expect(organisationHtml).toMatch(/^<!doctype html>/);
    expect(organisationHtml).toContain(`<h1>${organisation.heading}</h1>`);
    expect(organisationHtml).toContain(`<link rel="alternate" type="application/atom+xml" href="${organisation.feed.url}"`);
  });
});
