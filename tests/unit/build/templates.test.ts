import { describe, expect, it } from "vitest";
import nunjucks from "nunjucks";
import { isHtmlTemplate, layoutSources, minifyTemplate, valuePermalink } from "../../../src/build/templates.ts";

describe("minifyTemplate", () => {
  it("never glues words to link text or inline elements", async () => {
    const source = '<p>\n  اقرأ\n  <a href="{{ url }}">{{ title }}</a>\n  <strong>المكتب</strong>\n  الأخير\n</p>';
    const output = await minifyTemplate(source, "a.njk");
    // Conservative collapsing: every run of whitespace becomes one space, none disappears.
    expect(output).toBe('<p> اقرأ <a href="{{ url }}">{{ title }}</a> <strong>المكتب</strong> الأخير </p>');
  });

  it("keeps front matter, Nunjucks tags and scripts as written, and removes comments", async () => {
    const source = [
      "---",
      "layout: base.njk",
      "permalink: /",
      "---",
      "<ul>",
      "  <!-- a note -->",
      "  {%- for item in items %}",
      '  <li class="{{ item.kind }}">{{ item.text }}</li>',
      "  {%- endfor %}",
      "</ul>",
      '<script type="application/ld+json">{{ jsonLd | safe }}</script>',
      '<script type="module" src="/a.js"></script>',
    ].join("\n");
    const output = await minifyTemplate(source, "b.njk");
    expect(output.startsWith("---\nlayout: base.njk\npermalink: /\n---\n")).toBe(true);
    expect(output).not.toContain("a note");
    expect(output).toContain("{%- for item in items %}");
    expect(output).toContain('<script type="application/ld+json">{{ jsonLd | safe }}</script>');
    expect(output).toContain('<script type="module" src="/a.js"></script>');
    // The minified template renders the same text the original does, with less whitespace.
    const data = { items: [{ kind: "a", text: "أ" }, { kind: "b", text: "ب" }], jsonLd: "{}" };
    const render = (template: string) => new nunjucks.Environment(null, { autoescape: true }).renderString(template.replace(/^---[\s\S]*?---\n/, ""), data);
    const words = (html: string) => html.replace(/\s+/g, " ").replace(/> </g, "><").trim();
    expect(words(render(output))).toBe(words(render(source).replace(/<!--[^>]*-->/, "")));
  });

  it("names the layout when its HTML cannot be minified", async () => {
    await expect(minifyTemplate('<p>نص <a href="x>', "layouts/broken.njk")).rejects.toThrow(/layouts\/broken\.njk/);
  });
});

describe("isHtmlTemplate", () => {
  it("tells HTML pages from feeds, the sitemap and robots.txt", () => {
    const sources = layoutSources();
    expect(isHtmlTemplate(sources.get("base.njk")!)).toBe(true);
    expect(isHtmlTemplate(sources.get("pages/index.njk")!)).toBe(true);
    expect(isHtmlTemplate(sources.get("pages/sitemap.njk")!)).toBe(false);
    expect(isHtmlTemplate(sources.get("pages/robots.njk")!)).toBe(false);
    expect(isHtmlTemplate(sources.get("pages/feed.njk")!)).toBe(false);
  });
});

describe("valuePermalink", () => {
  const sources = layoutSources();
  const render = (template: string, data: object): string => new nunjucks.Environment(null, { autoescape: true }).renderString(template, data);

  it("prints the same URL as the front matter's Nunjucks permalink, for the paginated pages", () => {
    const pages = [
      ["pages/feed.njk", { feed: { url: "/organisations/iom/feed.xml" } }],
      ["pages/feed.njk", { feed: { url: "/feed.xml" } }],
    ] as const;
    for (const [name, data] of pages) {
      const source = sources.get(name)!;
      const written = /^permalink:\s*"(.*)"$/m.exec(source)![1]!;
      expect(valuePermalink(source, name)?.(data)).toBe(render(written, data));
    }
  });

  it("leaves fixed permalinks and other expressions to Eleventy", () => {
    expect(valuePermalink(sources.get("pages/index.njk")!, "pages/index.njk")).toBeUndefined();
    expect(valuePermalink('---\npermalink: "{{ doc.url | slug }}"\n---\n', "a.njk")).toBeUndefined();
    expect(valuePermalink('---\npermalink: "/x/{{ doc.url }}"\n---\n', "a.njk")).toBeUndefined();
  });

  it("refuses a URL Nunjucks would have escaped, or a missing one, naming the layout", () => {
    const permalink = valuePermalink(sources.get("pages/feed.njk")!, "pages/feed.njk")!;
    expect(() => permalink({ feed: { url: "/organisations/a&b/feed.xml" } })).toThrow(/layouts\/pages\/feed\.njk \(feed\.url\) is "\/organisations\/a&b\/feed\.xml"/);
    expect(() => permalink({})).toThrow(/feed\.url\) is undefined/);
  });
});
