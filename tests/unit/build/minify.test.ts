import { describe, expect, it } from "vitest";
import { minifyHtml } from "../../../src/build/minify.ts";

describe("minifyHtml", () => {
  it("never glues words to link text or inline elements", async () => {
    const html = '<p>\n  اقرأ\n  <a href="/a/">تقرير</a>\n  <strong>المكتب</strong>\n  الأخير\n</p>';
    const output = await minifyHtml(html, "a.html");
    // Conservative collapsing: every run of whitespace becomes one space, none disappears.
    expect(output).toBe('<p> اقرأ <a href="/a/">تقرير</a> <strong>المكتب</strong> الأخير </p>');
  });

  it("keeps JSON-LD byte for byte and module scripts as modules", async () => {
    const jsonLd = '{\n  "@context": "https://schema.org",\n  "headline": "عنوان"\n}';
    const html = `<head><script type="application/ld+json">${jsonLd}</script><script type="module" src="/a.js"></script></head>`;
    const output = await minifyHtml(html, "b.html");
    expect(output).toContain(`<script type="application/ld+json">${jsonLd}</script>`);
    expect(output).toContain('<script type="module" src="/a.js"></script>');
  });

  it("removes comments and collapses layout whitespace", async () => {
    const output = await minifyHtml("<ul>\n  <!-- note -->\n  <li>أ</li>\n\n  <li>ب</li>\n</ul>", "c.html");
    expect(output).toBe("<ul> <li>أ</li> <li>ب</li> </ul>");
  });

  it("names the page when the HTML cannot be minified", async () => {
    await expect(minifyHtml("<p>نص <a href=\"x>", "documents/broken/index.html")).rejects.toThrow(/documents\/broken\/index\.html/);
  });
});
