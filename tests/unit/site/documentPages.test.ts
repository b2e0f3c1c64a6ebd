import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { layoutsDir } from "../../../src/project.ts";
import { DOCUMENT_LAYOUT, outputPathOf, writeDocumentPages, type LayoutRenderer } from "../../../src/site/documentPages.ts";
import { documentPage, NAVIGATION } from "../../../src/site/views.ts";
import { contextWith, doc } from "./browse-helpers.ts";

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
      expect(() => outputPathOf(url), url).toThrow(/must be a folder path such as \/documents\/name\/; got .*Check the document's slug/);
    }
  });
});

describe("writeDocumentPages", () => {
  it("renders each page with the document layout and writes it at its URL", () => {
    const output = mkdtempSync(join(tmpdir(), "archive-document-pages-"));
    const pages = [doc("first", "2019-09-10"), doc("second", null)].map((document) => documentPage(document, context, undefined));
    const count = writeDocumentPages({ pages, renderer: layouts, layoutData, settings: context.settings, outputDir: output });
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
    const output = mkdtempSync(join(tmpdir(), "archive-document-pages-"));
    const page = documentPage(doc("escaped", null, {}, "عنوان <b>و</b> & ما بعده"), context, undefined);
    writeDocumentPages({ pages: [page], renderer: layouts, layoutData, settings: context.settings, outputDir: output });
    expect(readFileSync(join(output, "documents/escaped/index.html"), "utf8")).toContain("<h1>عنوان &lt;b&gt;و&lt;/b&gt; &amp; ما بعده</h1>");
  });

  it("names the document and the layout when a page cannot be rendered", () => {
    const failing: LayoutRenderer = {
      render: () => {
        throw new Error("unknown filter");
      },
    };
    const pages = [documentPage(doc("broken", null), context, undefined)];
    expect(() => writeDocumentPages({ pages, renderer: failing, layoutData, settings: context.settings, outputDir: tmpdir() })).toThrow(
      `Could not render the page of broken.txt with layouts/${DOCUMENT_LAYOUT}: unknown filter`,
    );
  });
});
