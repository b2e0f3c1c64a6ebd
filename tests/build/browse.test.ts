// The browsing pages of a built site: the timeline, the organisation index and
// pages, document neighbours, the Atom feeds, the sitemap and robots.txt, from
// tests/fixtures/timeline-corpus (dates at day, month and year precision, text
// and front matter dates, undated documents, six organisations).
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { projectDataDir } from "../../src/project.ts";
import { readSettings } from "../../src/site/settings.ts";
import { buildSite, fixturesDir, makeCorpus, outputExists, readOutput, type BuildRun } from "../support/build.ts";

const settings = readSettings(projectDataDir);
const SITE = settings.url;
let run: BuildRun;

beforeAll(() => {
  run = buildSite(join(fixturesDir, "timeline-corpus"));
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
});

/** Text without tags, spaces collapsed. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

/** The inner HTML of every element whose opening tag matches, in order (our own, non-nested markup). */
function all(html: string, open: RegExp, tag: string): string[] {
  const results: string[] = [];
  const pattern = new RegExp(`${open.source}([\\s\\S]*?)</${tag}>`, "g");
  for (const match of html.matchAll(pattern)) results.push(match[1] ?? "");
  return results;
}

const slugsIn = (html: string): string[] => [...html.matchAll(/href="\/documents\/([^/"]+)\/"/g)].map((match) => match[1]!);
const mainOf = (html: string): string => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";

/** Each timeline group on a year page: [heading text, document slugs]. */
function groupsOf(path: string): [string, string[]][] {
  const html = mainOf(readOutput(run, path));
  return all(html, /<section class="timeline-group"[^>]*>/, "section").map((section) => [
    text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(section)?.[1] ?? ""),
    slugsIn(section),
  ]);
}

/** The chart's bars as [year, count] from the SVG's data attributes. */
function chartBars(html: string): [number, number][] {
  return [...html.matchAll(/<g class="chart-year" data-year="(\d+)" data-count="(\d+)">/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith(".html") ? [path] : [];
  });
}

describe("the timeline overview", () => {
  it("has a year navigator, newest first, with counts and the undated last", () => {
    const html = readOutput(run, "timeline/index.html");
    const nav = /<nav class="year-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
    const items = [...nav.matchAll(/<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => [match[1], text(match[2]!)]);
    expect(items).toEqual([
      ["/timeline/2021/", "2021 4 وثائق"],
      ["/timeline/2019/", "2019 3 وثائق"],
      ["/timeline/2018/", "2018 4 وثائق"],
      ["/timeline/2016/", "2016 وثيقة واحدة"],
      ["/timeline/undated/", "غير مؤرخة وثيقتان"],
    ]);
    expect(text(/<p class="counts">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "")).toBe("14 وثيقة في الأرشيف، موزعة على 4 سنوات.");
  });

  it("draws documents per year as an accessible inline SVG with the numbers as text", () => {
    const html = readOutput(run, "timeline/index.html");
    expect(chartBars(html)).toEqual([
      [2016, 1],
      [2017, 0],
      [2018, 4],
      [2019, 3],
      [2020, 0],
      [2021, 4],
    ]);
    const svg = /<svg[^>]*>/.exec(html)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="timeline-chart-title timeline-chart-desc"');
    expect(html).toContain('<title id="timeline-chart-title">عدد الوثائق في كل سنة</title>');
    expect(html).toMatch(/<desc id="timeline-chart-desc">من 2016 إلى 2021؛ [^<]*الوثائق غير المؤرخة \(2\) لا تظهر في الرسم.<\/desc>/);
    // No script and no inline styles in the page's content.
    expect(mainOf(html)).not.toContain("<script");
    expect(mainOf(html)).not.toMatch(/\sstyle="/);
    // Oldest at the right: x decreases as the years go on.
    const xs = [...html.matchAll(/<rect class="chart-bar" x="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(xs).toEqual([...xs].sort((a, b) => b - a));
    const rows = all(html, /<tr>/, "tr").slice(1).map(text);
    expect(rows).toEqual(["2021 4 وثائق", "2020 لا وثائق", "2019 3 وثائق", "2018 4 وثائق", "2017 لا وثائق", "2016 وثيقة واحدة"]);
  });

  it("lists each year's months linking to their groups, and the undated section at the end", () => {
    const html = mainOf(readOutput(run, "timeline/index.html"));
    const year2021 = text(html.split('<li class="year-summary">')[1]!.split("</ul>")[0]!);
    expect(year2021).toBe("2021 4 وثائق تشرين الثاني/نوفمبر وثيقتان آذار/مارس وثيقة واحدة السنة فقط وثيقة واحدة");
    expect(html).toContain('<a href="/timeline/2021/#m11">');
    expect(html).toContain('<a href="/timeline/2018/#year">');
    expect(html.lastIndexOf("وثائق غير مؤرخة")).toBeGreaterThan(html.lastIndexOf('class="year-summary"'));
    expect(html).toContain('<a href="/timeline/undated/">وثيقتان</a>');
  });
});

describe("the timeline year pages", () => {
  it("group a year by month, newest first, month-only documents after the days, the year-only group last", () => {
    expect(groupsOf("timeline/2021/index.html")).toEqual([
      ["تشرين الثاني/نوفمبر 2021 وثيقتان", ["tl-2021-11-20-lyon-meeting", "tl-2021-11-month-report"]],
      ["آذار/مارس 2021 وثيقة واحدة", ["tl-2021-03-05-workers"]],
      ["2021 (السنة فقط) وثيقة واحدة", ["tl-2021-year-review"]],
    ]);
    const html = readOutput(run, "timeline/2021/index.html");
    expect(html).toMatch(/<time datetime="2021-11">تشرين الثاني\/نوفمبر 2021<\/time> <span class="precision-note">\(الشهر فقط\)<\/span>/);
    expect(html).toMatch(/<time datetime="2021-11-20">20 تشرين الثاني\/نوفمبر 2021<\/time> · ليون، فرنسا/);
  });

  it("place a date read from the text among front matter dates, and a month before its days' older neighbours", () => {
    expect(groupsOf("timeline/2019/index.html")).toEqual([
      ["أيلول/سبتمبر 2019 وثيقة واحدة", ["tl-2019-09-month-operation"]],
      ["آذار/مارس 2019 وثيقتان", ["tl-2019-03-14-amman", "tl-2019-03-02-vienna"]],
    ]);
  });

  it("break ties on the same day by title", () => {
    expect(groupsOf("timeline/2018/index.html")).toEqual([
      ["كانون الأول/ديسمبر 2018 وثيقتان", ["tl-2018-12-31-alpha", "tl-2018-12-31-beta"]],
      ["كانون الثاني/يناير 2018 وثيقة واحدة", ["tl-2018-01-15-gulf"]],
      ["2018 (السنة فقط) وثيقة واحدة", ["tl-2018-year-study"]],
    ]);
  });

  it("keep undated documents in their own page, never dropped", () => {
    expect(groupsOf("timeline/undated/index.html")).toEqual([["مرتبة حسب العنوان وثيقتان", ["tl-undated-guide", "tl-undated-note"]]]);
    const listed = ["2021", "2019", "2018", "2016", "undated"].flatMap((page) => groupsOf(`timeline/${page}/index.html`).flatMap(([, slugs]) => slugs));
    expect(listed.slice().sort()).toEqual(readdirSync(join(run.output, "documents")).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("mark the current year in the navigator and are titled by year", () => {
    const html = readOutput(run, "timeline/2019/index.html");
    expect(html).toMatch(/<a href="\/timeline\/2019\/"\s+aria-current="page"\s*>/);
    expect(html).toMatch(/<title>الخط الزمني: 2019 \| /);
    expect(html).toContain('<h1>2019</h1>');
    // The default page size holds these years whole.
    expect(html).not.toContain('class="pager"');
  });
});

describe("the organisation index", () => {
  it("groups organisations by type, sorted by documents then name, with counts", () => {
    const html = mainOf(readOutput(run, "organisations/index.html"));
    const groups = all(html, /<section class="organisation-type"[^>]*>/, "section").map((section) => ({
      heading: text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(section)?.[1] ?? ""),
      entries: all(section, /<li class="organisation-item"[^>]*>/, "li").map(text),
    }));
    expect(groups).toEqual([
      { heading: "منظومة الأمم المتحدة منظمتان", entries: ["المنظمة الدولية للهجرة IOM 5 وثائق", "مكتب المخدرات والجريمة UNODC 4 وثائق"] },
      { heading: "منظمات إقليمية منظمة واحدة", entries: ["مجلس التعاون الخليجي GCC وثيقتان"] },
      { heading: "أجهزة الشرطة والتعاون الشرطي منظمتان", entries: ["الإنتربول INTERPOL 10 وثائق", "اليوروبول EUROPOL وثيقتان"] },
      { heading: "منظمات غير حكومية منظمة واحدة", entries: ["ووك فري 3 وثائق"] },
    ]);
    expect(html).toContain('<a class="organisation-name" href="/organisations/interpol/">الإنتربول</a>');
  });
});

describe("an organisation page", () => {
  const page = (): string => readOutput(run, "organisations/interpol/index.html");

  it("gives the Arabic and English names, acronyms, type and website", () => {
    const html = page();
    expect(html).toContain("<h1>المنظمة الدولية للشرطة الجنائية</h1>");
    expect(html).toContain('<p class="organisation-en" dir="ltr" lang="en">International Criminal Police Organization</p>');
    expect(html).toContain("INTERPOL, ICPO, OIPC");
    expect(html).toContain("<dd>أجهزة الشرطة والتعاون الشرطي</dd>");
    expect(html).toContain('<a href="https://www.interpol.int" rel="external" dir="ltr">https://www.interpol.int</a>');
    expect(html).toContain("<dd>10 وثائق في الأرشيف تذكرها.</dd>");
  });

  it("links to a search for its short name and to its own feed", () => {
    const html = page();
    expect(html).toContain(`<a href="/search/?q=${encodeURIComponent("الإنتربول")}">ابحث عن هذه المنظمة</a>`);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/organisations/interpol/feed.xml"');
  });

  it("lists the documents that mention it, newest first, with mention counts", () => {
    const section = /<section class="organisation-documents"[^>]*>([\s\S]*?)<\/section>/.exec(page())?.[1] ?? "";
    const entries = all(section, /<li class="document-card">/, "li").map((item) => [slugsIn(item)[0], text(/<span class="mention-count">([\s\S]*?)<\/span>/.exec(item)?.[1] ?? "")]);
    expect(entries).toEqual([
      ["tl-2021-11-20-lyon-meeting", "ذُكرت 3 مرات"],
      ["tl-2021-11-month-report", "ذُكرت مرة واحدة"],
      ["tl-2021-year-review", "ذُكرت مرة واحدة"],
      ["tl-2019-09-month-operation", "ذُكرت مرة واحدة"],
      ["tl-2019-03-14-amman", "ذُكرت مرتين"],
      ["tl-2019-03-02-vienna", "ذُكرت مرة واحدة"],
      ["tl-2018-12-31-alpha", "ذُكرت 4 مرات"],
      ["tl-2018-12-31-beta", "ذُكرت مرة واحدة"],
      ["tl-2016-06-01-launch", "ذُكرت مرة واحدة"],
      ["tl-undated-guide", "ذُكرت مرة واحدة"],
    ]);
  });

  it("charts its documents per year", () => {
    expect(chartBars(page())).toEqual([
      [2016, 1],
      [2017, 0],
      [2018, 2],
      [2019, 3],
      [2020, 0],
      [2021, 3],
    ]);
    expect(page()).toContain('<title id="chart-interpol-title">');
  });

  it("lists the organisations most often named in the same documents", () => {
    const aside = /<ol class="related-list">([\s\S]*?)<\/ol>/.exec(page())?.[1] ?? "";
    expect(all(aside, /<li[^>]*>/, "li").map(text)).toEqual([
      "المنظمة الدولية للهجرة في 3 وثائق",
      "مكتب المخدرات والجريمة في 3 وثائق",
      "اليوروبول في وثيقتين",
      "مجلس التعاون الخليجي في وثيقة واحدة",
      "ووك فري في وثيقة واحدة",
    ]);
    expect(aside).toContain('<a href="/organisations/iom/">');
  });

  it("says when the editor added an organisation the text does not name, and names an unlisted parent without a link", () => {
    expect(readOutput(run, "organisations/walk-free/index.html")).toContain('<span class="mention-count">أضافها المحرر ولم تُذكر بالاسم</span>');
    expect(readOutput(run, "organisations/europol/index.html")).toContain("<dt>تتبع</dt><dd>الاتحاد الأوروبي</dd>");
  });
});

describe("document pages", () => {
  const meta = (slug: string): string => text(/<dt>التاريخ<\/dt><dd>([\s\S]*?)<\/dd>/.exec(readOutput(run, `documents/${slug}/index.html`))?.[1] ?? "");

  it("show the date at its precision, with the Hijri date only when known to the day", () => {
    expect(meta("tl-2019-03-14-amman")).toBe("14 آذار/مارس 2019 (7 رجب 1440 هـ)");
    expect(meta("tl-2019-09-month-operation")).toBe("أيلول/سبتمبر 2019");
    expect(meta("tl-2021-year-review")).toBe("2021");
    expect(meta("tl-undated-note")).toBe("غير مؤرخ");
  });

  it("link the organisations they name to their pages", () => {
    const html = readOutput(run, "documents/tl-2019-03-14-amman/index.html");
    expect(html).toContain('<li><a href="/organisations/interpol/">الإنتربول</a></li><li><a href="/organisations/gcc/">مجلس التعاون الخليجي</a></li>');
  });

  it("link the previous and next documents of the timeline", () => {
    const html = readOutput(run, "documents/tl-2019-03-14-amman/index.html");
    const prev = /<a class="neighbour neighbour-previous" href="([^"]+)" rel="prev">([\s\S]*?)<\/a>/.exec(html);
    const next = /<a class="neighbour neighbour-next" href="([^"]+)" rel="next">([\s\S]*?)<\/a>/.exec(html);
    expect([prev?.[1], text(prev?.[2] ?? "")]).toEqual(["/documents/tl-2019-09-month-operation/", "وثيقة أحدث عملية مشتركة في البحر المتوسط أيلول/سبتمبر 2019"]);
    // November 2021 and 20 November 2021: neither is certainly later, so the label says only where it stands.
    const operation = readOutput(run, "documents/tl-2021-11-month-report/index.html");
    expect(text(/rel="prev">([\s\S]*?)<\/a>/.exec(operation)?.[1] ?? "")).toBe("السابقة في الخط الزمني اجتماع تنسيقي في ليون حول حماية الضحايا 20 تشرين الثاني/نوفمبر 2021");
    expect([next?.[1], text(next?.[2] ?? "")]).toEqual(["/documents/tl-2019-03-02-vienna/", "وثيقة أقدم اجتماع فيينا بشأن بروتوكول التهريب 2 آذار/مارس 2019"]);
    const newest = readOutput(run, "documents/tl-2021-11-20-lyon-meeting/index.html");
    expect(newest).not.toContain('rel="prev"');
    expect(newest).toContain('rel="next"');
    expect(readOutput(run, "documents/tl-undated-note/index.html")).not.toContain('rel="next"');
  });
});

describe("feeds", () => {
  const parser = new Parser();
  const absolute = (slug: string): string => `${SITE}/documents/${slug}/`;

  it("/feed.xml is Atom in Arabic with the newest dated documents", async () => {
    const xml = readOutput(run, "feed.xml");
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(settings.title);
    expect(feed.feedUrl).toBe(`${SITE}/feed.xml`);
    expect(feed.link).toBe(`${SITE}/timeline/`);
    expect(feed.lastBuildDate).toBe("2021-11-20T00:00:00Z");
    expect(feed.items.map((item) => item.link)).toEqual(
      [
        "tl-2021-11-20-lyon-meeting",
        "tl-2021-11-month-report",
        "tl-2021-03-05-workers",
        "tl-2021-year-review",
        "tl-2019-09-month-operation",
        "tl-2019-03-14-amman",
        "tl-2019-03-02-vienna",
        "tl-2018-12-31-alpha",
        "tl-2018-12-31-beta",
        "tl-2018-01-15-gulf",
        "tl-2018-year-study",
        "tl-2016-06-01-launch",
      ].map(absolute),
    );
    const first = feed.items[0]!;
    expect(first.title).toBe("اجتماع تنسيقي في ليون حول حماية الضحايا");
    expect(first.id).toBe(absolute("tl-2021-11-20-lyon-meeting"));
    expect(first.pubDate).toBe("2021-11-20T00:00:00.000Z");
    expect(first.summary).toContain("استضاف الإنتربول");
    expect(first.content).toContain("<p");
    expect(feed.items[1]!.pubDate).toBe("2021-11-01T00:00:00.000Z");
    expect(feed.items[3]!.pubDate).toBe("2021-01-01T00:00:00.000Z");
  });

  it("every organisation with documents has its own feed of its dated documents", async () => {
    const organisations = readdirSync(join(run.output, "organisations")).filter((name) => !name.endsWith(".html")).sort();
    expect(organisations).toEqual(["europol", "gcc", "interpol", "iom", "unodc", "walk-free"]);
    for (const id of organisations) {
      const xml = readOutput(run, `organisations/${id}/feed.xml`);
      expect(XMLValidator.validate(xml), id).toBe(true);
      expect(xml).toContain('xml:lang="ar"');
    }
    const interpol = await parser.parseString(readOutput(run, "organisations/interpol/feed.xml"));
    expect(interpol.title).toBe(`الإنتربول: أحدث الوثائق | ${settings.title}`);
    expect(interpol.link).toBe(`${SITE}/organisations/interpol/`);
    expect(interpol.items).toHaveLength(9); // ten documents, one undated
    expect(interpol.items.map((item) => item.link)).not.toContain(absolute("tl-undated-guide"));
    // Walk Free's documents are one dated and two undated.
    const walkFree = await parser.parseString(readOutput(run, "organisations/walk-free/feed.xml"));
    expect(walkFree.items.map((item) => item.link)).toEqual([absolute("tl-2021-03-05-workers")]);
  });

  it("is announced in the head of every page", () => {
    for (const file of htmlFiles(run.output)) {
      expect(readOutput(run, relative(run.output, file)), file).toContain(`<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="${settings.title}">`);
    }
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("the sitemap is valid XML listing every built HTML page but the 404, with absolute addresses", () => {
    const xml = readOutput(run, "sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ isArray: (name) => name === "url" }).parse(xml) as { urlset: { url: { loc: string }[] } };
    const listed = parsed.urlset.url.map((entry) => entry.loc);
    const built = htmlFiles(run.output)
      .map((file) => relative(run.output, file).split(sep).join("/"))
      .filter((path) => path !== "404.html")
      .map((path) => `${SITE}/${path.replace(/index\.html$/, "")}`);
    expect(listed.slice().sort()).toEqual(built.sort());
    expect(listed).toEqual([...listed].sort());
    expect(listed).toContain(`${SITE}/timeline/2019/`);
    expect(listed).toContain(`${SITE}/organisations/interpol/`);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  });

  it("robots.txt points to the sitemap", () => {
    expect(readOutput(run, "robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});

describe("a corpus longer than the page size", () => {
  let big: BuildRun;
  const size = settings.pageSize;
  const count = size + 3;

  beforeAll(() => {
    // pageSize + 3 documents of 2020, every one naming the IOM, one a day from 1 January.
    const files: Record<string, string> = {};
    for (let index = 0; index < count; index++) {
      const day = new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10);
      files[`n-${String(index).padStart(3, "0")}.txt`] = `---\ndate: ${day}\n---\nوثيقة رقم ${index}\n\nنص قصير يذكر المنظمة الدولية للهجرة.\n`;
    }
    big = buildSite(makeCorpus(files));
    if (big.status !== 0) throw new Error(`build failed (${big.status}):\n${big.stdout}\n${big.stderr}`);
  });

  it("splits the year and the organisation's list over pages of pageSize documents", () => {
    const firstYear = slugsIn(mainOf(readOutput(big, "timeline/2020/index.html")));
    const secondYear = slugsIn(mainOf(readOutput(big, "timeline/2020/2/index.html")));
    expect(firstYear).toHaveLength(size);
    expect(secondYear).toHaveLength(3);
    expect(secondYear.at(-1)).toBe("n-000");
    expect(outputExists(big, "timeline/2020/3/index.html")).toBe(false);
    const firstOrg = slugsIn(/<section class="organisation-documents"[^>]*>([\s\S]*?)<\/section>/.exec(readOutput(big, "organisations/iom/index.html"))?.[1] ?? "");
    const secondOrg = slugsIn(/<section class="organisation-documents"[^>]*>([\s\S]*?)<\/section>/.exec(readOutput(big, "organisations/iom/2/index.html"))?.[1] ?? "");
    expect(firstOrg).toHaveLength(size);
    expect(secondOrg).toEqual(["n-002", "n-001", "n-000"]);
    expect(new Set([...firstOrg, ...secondOrg]).size).toBe(count);
  });

  it("links the pages to each other and lists every page in the sitemap", () => {
    const first = readOutput(big, "organisations/iom/index.html");
    expect(first).toContain('<a href="/organisations/iom/2/" rel="next">الصفحة التالية</a>');
    const second = readOutput(big, "organisations/iom/2/index.html");
    expect(second).toContain('<a href="/organisations/iom/" rel="prev">الصفحة السابقة</a>');
    expect(second).toContain('<span aria-current="page">2</span>');
    expect(second).toContain(`<title>المنظمة الدولية للهجرة (صفحة 2) | ${settings.title}</title>`);
    const sitemap = readOutput(big, "sitemap.xml");
    expect(sitemap).toContain(`<loc>${SITE}/organisations/iom/2/</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}/timeline/2020/2/</loc>`);
  });

  it("keeps the feed to the newest twenty", async () => {
    const feed = await new Parser().parseString(readOutput(big, "feed.xml"));
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]!.link).toBe(`${SITE}/documents/n-${String(count - 1).padStart(3, "0")}/`);
  });
});
