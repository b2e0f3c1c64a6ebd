// Build the fixture corpus with the real build command into a temporary folder and read the pages.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, FIXTURE_CORPUS_SLUGS, fixturesDir, outputExists, projectRoot, readOutput, type BuildRun } from "../support/build.ts";

let run: BuildRun;

beforeAll(() => {
  run = buildSite(join(fixturesDir, "corpus"));
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
});

/** The document body only, without the page header's lists. */
function bodyOf(html: string): string {
  return /<div class="document-body"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
}

/** The text content of an element with a class, crude but enough for our own markup. */
function textOf(html: string, pattern: RegExp): string {
  return (pattern.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim();
}

describe("document pages", () => {
  it("publishes one page per document at /documents/<file name>/", () => {
    const pages = readdirSync(join(run.output, "documents")).sort();
    expect(pages).toEqual(FIXTURE_CORPUS_SLUGS);
  });

  it("is an RTL Arabic page with the title, date, place and organisations", () => {
    const html = readOutput(run, "documents/interpol-doha-2017/index.html");
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(textOf(html, /<h1>([\s\S]*?)<\/h1>/)).toBe("حماية ضحايا الاتجار بالبشر وتهريب المهاجرين أولوية بالنسبة للخبراء الدوليين");
    expect(html).toContain('<time datetime="2017-12-06">6 كانون الأول/ديسمبر 2017</time>');
    expect(html).toContain("الدوحة، قطر");
    expect(html).toContain("الإنتربول");
    // The standalone date line is in the header, not repeated as a paragraph; the furniture is gone.
    expect(html).not.toContain("٦ ديسمبر، ٢٠١٧");
    expect(html).not.toContain("الأخبار ذات الصلة بالموضوع");
  });

  it("typesets quotations and isolates Latin runs", () => {
    const html = readOutput(run, "documents/interpol-doha-2017/index.html");
    expect(html).toContain("«إن جهودنا الجماعية");
    expect(html).not.toContain("’’");
    expect(html).toContain('<span dir="ltr">I-24/7</span>');
    expect(html).toContain('<span dir="ltr">Épervier</span>');
  });

  it("marks an inferred title and an inferred year", () => {
    const html = readOutput(run, "documents/interpol-buenos-aires-2019/index.html");
    expect(html).toContain('class="title-note"');
    expect(html).toContain('<time datetime="2019-09-10">');
    expect(html).toContain("السنة مستنتجة من النص");
  });

  it("renders lists and interview questions as lists and headings", () => {
    const interview = bodyOf(readOutput(run, "documents/france-interview-2022/index.html"));
    expect(interview.match(/<h2>/g)).toHaveLength(5);
    expect(interview).toContain("<h2>وعلى الصعيد الوطني؟</h2>");
    expect(interview.match(/<ul>/g)).toHaveLength(1);
    expect(interview).not.toContain("Illust:");
    expect(interview).not.toContain(">حصة<");
    const gcc = readOutput(run, "documents/unodc-gcc-vienna/index.html");
    expect(bodyOf(gcc).match(/<li>/g)).toHaveLength(6);
    expect(textOf(gcc, /<dt>التاريخ<\/dt><dd>([\s\S]*?)<\/dd>/)).toBe("غير مؤرخ");
  });

  it("applies front matter over what the text says", () => {
    const html = readOutput(run, "documents/override-example/index.html");
    expect(textOf(html, /<h1>([\s\S]*?)<\/h1>/)).toBe("عنوان من الترويسة");
    expect(html).toContain('<time datetime="2020-03-15">');
    expect(html).toContain("المنظمة الدولية للهجرة");
    expect(textOf(html, /<dt>المنظمات<\/dt><dd>([\s\S]*?)<\/dd>/)).not.toContain("الإنتربول");
  });

  it("renders Markdown documents, escaping raw HTML", () => {
    const html = readOutput(run, "documents/markdown-note/index.html");
    expect(textOf(html, /<h1>([\s\S]*?)<\/h1>/)).toBe("ملاحظة تحريرية عن الأرشيف");
    expect(html).toContain("<strong>ملاحظة</strong>");
    expect(html).toContain('<time datetime="2023-05">');
    expect(html).toContain("جنيف، سويسرا");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("home page and assets", () => {
  it("lists the newest documents first with dates and excerpts", () => {
    const html = readOutput(run, "index.html");
    const order = [...html.matchAll(/<h3><a href="([^"]+)">/g)].map((match) => match[1]);
    expect(order.slice(0, 5)).toEqual([
      "/documents/markdown-note/",
      "/documents/france-interview-2022/",
      "/documents/override-example/",
      "/documents/interpol-buenos-aires-2019/",
      "/documents/interpol-doha-2017/",
    ]);
    expect(order).toHaveLength(7);
    expect(html).toContain("7 وثائق في الأرشيف");
    expect(html).toMatch(/class="excerpt">الدوحة \(قطر\) - يدعو خبراء دوليون/);
  });

  it("serves a fingerprinted stylesheet and a subset Arabic font from the site itself", () => {
    const html = readOutput(run, "index.html");
    const css = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const stylesheet = readOutput(run, css!.slice(1));
    const fonts = [...stylesheet.matchAll(/url\("(\/assets\/fonts\/naskh-\d00\.[0-9a-f]{10}\.woff2)"\)/g)].map((m) => m[1]!);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(outputExists(run, font.slice(1))).toBe(true);
    // Nothing the page loads comes from another site (JSON-LD's "@context" is a name, not a request).
    expect(html).not.toMatch(/(?:src|href)="https?:\/\/(?!arabic-archive\.netlify\.app)/);
  });

  it("has an Arabic 404 page", () => {
    expect(readOutput(run, "404.html")).toContain("الصفحة غير موجودة");
  });
});

describe("scripts", () => {
  it("are on the search page only: every other page is plain HTML (JSON-LD data aside)", () => {
    const pages = readdirSync(run.output, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".html"));
    expect(pages).toEqual(expect.arrayContaining(["index.html", "404.html", "search/index.html", "timeline/index.html", "organisations/index.html", "documents/interpol-doha-2017/index.html"]));
    const runnable = pages.flatMap((path) =>
      [...readOutput(run, path).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !tag.includes('type="application/ld+json"')).map((tag) => `${path}: ${tag}`),
    );
    expect(runnable).toHaveLength(1);
    expect(runnable[0]).toMatch(/^search\/index\.html: <script type="module" src="\/assets\/search\/search-ui\.[0-9a-f]{10}\.js" /);
    // The files the search page names are there; no other script was written.
    const named = [...runnable[0]!.matchAll(/(?:src|data-search-\w+)="(\/[^"]+)"/g)].map((match) => match[1]!);
    expect(named).toHaveLength(4);
    for (const url of named) expect(outputExists(run, url.slice(1)), url).toBe(true);
    const scripts = readdirSync(join(run.output, "assets/search")).filter((file) => file.endsWith(".js"));
    expect(scripts.map((file) => file.replace(/\.[0-9a-f]{10}\.js$/, ".js")).sort()).toEqual(["normalize.js", "search-ui.js", "words.js"]);
  });

  it("are shipped minified: no comments, and well under the size of their sources", () => {
    const shipped = (name: string): string => {
      const file = readdirSync(join(run.output, "assets/search")).find((entry) => entry.startsWith(`${name}.`) && entry.endsWith(".js"));
      return readOutput(run, `assets/search/${file}`);
    };
    const sources = { "search-ui": "layouts/assets/search-ui.js", words: "src/search/words.ts", normalize: "src/arabic/normalize.ts" };
    for (const [name, source] of Object.entries(sources)) {
      const code = shipped(name);
      expect(code, name).not.toMatch(/^\s*\/\/|\/\*\*/m);
      expect(code.length, name).toBeLessThan(readFileSync(join(projectRoot, source), "utf8").length * 0.7);
    }
    // The page imports words.js by the names it exports.
    expect(shipped("words")).toMatch(/export\s*\{[^}]*\bprepareQuery\b[^}]*\}/);
  });
});

describe("the default corpus", () => {
  it("builds content/ into the output folder when no --input is given", () => {
    const output = buildSite(undefined);
    expect(output.status, output.stderr).toBe(0);
    const pages = readdirSync(join(output.output, "documents"));
    expect(pages).toHaveLength(5);
  });
});
