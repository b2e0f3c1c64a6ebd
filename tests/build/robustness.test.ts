// Issue #7, the cases that publish: one corpus of every input that is accepted
// (some with a warning), built with the real build command. The build must
// succeed, account for every file, and every page must show the text as text.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, fixturesDir, makeCorpus, outputExists, readOutput, type BuildRun } from "../support/build.ts";
import { ARABIC_TEXT, encodeSingleByte, encodeUtf16, encodeUtf8Bom, PNG_BYTES } from "../fixtures/robustness/bytes.ts";
import type { BuildReport, ReportFile } from "../../src/build/report.ts";

const warningsDir = join(fixturesDir, "robustness/warnings");
const LONG_LINE = "نص طويل جداً فقد فواصل أسطره. ".repeat(4000).slice(0, 100_000);
const LONG_TITLE_LINE = "كلمة ".repeat(400).trim(); // 1,999 characters, 400 words
const LONG_TITLE_TOKEN = "ا".repeat(2000); // 2,000 characters, one "word"

let run: BuildRun;
let report: BuildReport;
let printed: string;

beforeAll(() => {
  const files: Record<string, string | Buffer | { copyFrom: string }> = {
    "good.txt": { copyFrom: join(fixturesDir, "corpus/interpol-doha-2017.txt") },
    // encodings and line ends
    "windows-1256.txt": encodeSingleByte(ARABIC_TEXT, "windows-1256"),
    "utf16-le.txt": encodeUtf16(ARABIC_TEXT, "le"),
    "utf16-be.txt": encodeUtf16(ARABIC_TEXT, "be"),
    "utf8-bom.txt": encodeUtf8Bom(ARABIC_TEXT),
    "crlf.txt": ARABIC_TEXT.replace(/\n/g, "\r\n"),
    "lone-cr.txt": ARABIC_TEXT.replace(/\n/g, "\r"),
    // shapes
    "long-line.txt": LONG_LINE,
    "long-title-words.txt": `${LONG_TITLE_LINE}\n\nنص الوثيقة بعد سطر أول طويل جداً.\n`,
    "long-title-token.txt": `${LONG_TITLE_TOKEN}\n\nنص الوثيقة بعد عنوان من كلمة واحدة طويلة.\n`,
    "long-title-front.txt": `---\ntitle: ${"عنوان طويل ".repeat(200).trim()}\n---\nنص الوثيقة.\n`,
    "control-chars.txt": "عنوان وثيقة فيها محارف تحكم\n\nنص فيه\u0007 محرفا تحكم\u001b لا يظهران.\n",
    // not documents
    "notes.txt~": "نسخة احتياطية",
    ".draft.txt.swp": "swap",
    ".hidden.txt": "ملف مخفي",
    "picture.png": PNG_BYTES,
    "README": "no extension",
    "page.njk": "{{ 7*7 }} {% include \"x\" %}",
    "_private/draft.txt": "مسودة",
  };
  for (const name of readdirSync(warningsDir)) files[name] = { copyFrom: join(warningsDir, name) };
  run = buildSite(makeCorpus(files));
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  report = JSON.parse(readOutput(run, "data/build-report.json")) as BuildReport;
  printed = `${run.stdout}\n${run.stderr}`;
});

function entry(file: string): ReportFile {
  const found = report.files.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`${file} is not in the report`);
  return found;
}

function page(slug: string): string {
  return readOutput(run, `documents/${slug}/index.html`);
}

function textOf(html: string, pattern: RegExp): string {
  return (pattern.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim();
}

const h1 = (html: string): string => textOf(html, /<h1>([\s\S]*?)<\/h1>/);
const titleTag = (html: string): string => /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
const metaDescription = (html: string): string => /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
const body = (html: string): string => /<div class="document-body"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";

/** Every start tag in a page: escaped text (&lt;…) never matches. */
function tags(html: string): { name: string; attributes: string; at: number }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((match) => ({ name: match[1]!.toLowerCase(), attributes: match[2] ?? "", at: match.index }));
}

/** No element or script a document could have put there. */
function expectInert(html: string): void {
  for (const tag of tags(html)) {
    const names = tag.attributes.replace(/"[^"]*"|'[^']*'/g, '""');
    expect(names, `<${tag.name}> carries an event handler`).not.toMatch(/\son\w+\s*=/i);
    expect(tag.name).not.toBe("img");
    if (tag.name === "script") {
      // Only the site's own JSON-LD data (with "<" escaped): these pages run no script.
      const content = html.slice(html.indexOf(">", tag.at) + 1, html.indexOf("</script>", tag.at));
      expect(tag.attributes).toContain('type="application/ld+json"');
      expect(content).not.toContain("<");
      expect(content).not.toContain("alert(1)</");
    }
  }
  expect(html).not.toContain("<script>alert");
  // Template syntax stays text: never evaluated ("{{ 7*7 }}" would print 49).
  expect(html).not.toMatch(/(?:بيان|و|تعبير|ماركداون) 49/);
  expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
}

describe("the build report of a corpus with only warnings", () => {
  it("succeeds and accounts for every file found: published + ignored + rejected", () => {
    expect(run.status).toBe(0);
    expect(report.ok).toBe(true);
    const { counts } = report;
    expect(counts.found).toBe(report.files.length);
    expect(counts.published + counts.ignored + counts.rejected).toBe(counts.found);
    expect(counts).toMatchObject({ found: 25, published: 18, ignored: 7, rejected: 0, errors: 0 });
    expect(printed).toContain("Build report: 25 files found: 18 published, 7 ignored, 0 rejected; 0 errors, 10 warnings.");
  });

  it("lists files that are not documents as ignored, with the reason, in the report and on the console", () => {
    expect(entry("notes.txt~")).toMatchObject({ status: "ignored", reason: "editor backup or temporary file" });
    expect(entry(".draft.txt.swp")).toMatchObject({ status: "ignored", reason: "hidden file or folder" });
    expect(entry(".hidden.txt")).toMatchObject({ status: "ignored", reason: "hidden file or folder" });
    expect(entry("picture.png")).toMatchObject({ status: "ignored", reason: ".png is not a document format (use .txt or .md)" });
    expect(entry("README")).toMatchObject({ status: "ignored", reason: "no file extension (use .txt or .md)" });
    // A template in the corpus is never run: nothing is published from it.
    expect(entry("page.njk")).toMatchObject({ status: "ignored", reason: ".njk is not a document format (use .txt or .md)" });
    expect(outputExists(run, "page/index.html")).toBe(false);
    expect(entry("_private/draft.txt")).toMatchObject({ status: "ignored", reason: "folder or file starting with _ is private" });
    expect(printed).toMatch(/ignored: \S*notes\.txt~ \(editor backup or temporary file\)/);
    expect(outputExists(run, "documents/draft/index.html")).toBe(false);
    expect(outputExists(run, "documents/hidden/index.html")).toBe(false);
  });

  it("prints each warning as file:line: warning: what — fix, and records it in the file's entry", () => {
    expect(printed).toMatch(/unknown-key\.txt:3: warning: unknown front matter key `author` is not used — use one of: title, date/);
    expect(entry("unknown-key.txt")).toMatchObject({
      status: "published",
      url: "/documents/unknown-key/",
      problems: [{ line: 3, severity: "warning", message: "unknown front matter key `author` is not used" }],
    });
  });
});

describe("encodings and line ends", () => {
  it("converts UTF-16 (LE and BE, with a BOM) and Windows-1256 Arabic, with a warning", () => {
    for (const [file, name] of [["utf16-le.txt", "UTF-16LE"], ["utf16-be.txt", "UTF-16BE"]] as const) {
      expect(entry(file)).toMatchObject({ status: "published", problems: [{ severity: "warning", message: `saved as ${name}; converted to UTF-8 for the site` }] });
    }
    expect(entry("windows-1256.txt")).toMatchObject({
      status: "published",
      problems: [{ severity: "warning", message: "saved as Windows-1256 (an older Arabic encoding), not UTF-8; converted for the site" }],
    });
    expect(printed).toMatch(/windows-1256\.txt: warning: saved as Windows-1256 .* — open it in a text editor and save it again with the encoding UTF-8/);
  });

  it("accepts a UTF-8 BOM, CRLF and lone CR silently", () => {
    for (const file of ["utf8-bom.txt", "crlf.txt", "lone-cr.txt"]) expect(entry(file)).toMatchObject({ status: "published", problems: [] });
  });

  it("publishes the same page whatever the encoding or line ends", () => {
    const reference = body(page("utf8-bom"));
    expect(h1(page("utf8-bom"))).toBe("اجتماع إقليمي لمكافحة تهريب المهاجرين");
    expect(reference.match(/<p[ >]/g)).toHaveLength(2);
    expect(reference).not.toContain("\uFEFF");
    for (const slug of ["windows-1256", "utf16-le", "utf16-be", "crlf", "lone-cr"]) {
      expect(h1(page(slug)), slug).toBe("اجتماع إقليمي لمكافحة تهريب المهاجرين");
      expect(body(page(slug)), slug).toBe(reference);
    }
  });
});

describe("shapes", () => {
  it("publishes a 100,000-character line as one paragraph, with a warning on line 1", () => {
    expect(entry("long-line.txt")).toMatchObject({
      status: "published",
      problems: [{ line: 1, severity: "warning", message: expect.stringContaining("this line has 100,000 characters") }],
    });
    const html = page("long-line");
    expect(body(html).match(/<p[ >]/g)).toHaveLength(1);
    expect(body(html).replace(/<[^>]+>/g, "").trim()).toHaveLength(LONG_LINE.trim().length);
    expect(h1(html).length).toBeLessThan(120);
  });

  it("does not make a 2,000-character first line of many words the title: it stays the first paragraph", () => {
    expect(entry("long-title-words.txt")).toMatchObject({ status: "published", problems: [] });
    const html = page("long-title-words");
    expect(h1(html)).toBe(`${"كلمة ".repeat(12).trim()}…`);
    expect(titleTag(html).length).toBeLessThan(200);
    expect(html).toContain('class="title-note"');
    expect(body(html)).toContain(LONG_TITLE_LINE);
  });

  it("shortens a 2,000-character title to at most 250 characters, with a warning", () => {
    expect(entry("long-title-token.txt")).toMatchObject({
      status: "published",
      problems: [{ line: 1, severity: "warning", message: expect.stringContaining("the title is 2,000 characters long (the most is 250)") }],
    });
    const title = h1(page("long-title-token"));
    expect(title.length).toBeLessThanOrEqual(250);
    expect(title.endsWith("…")).toBe(true);
    expect(titleTag(page("long-title-token")).length).toBeLessThan(350);
    expect(entry("long-title-front.txt")).toMatchObject({
      status: "published",
      problems: [{ line: 2, severity: "warning", message: expect.stringContaining("the title is 2,199 characters long") }],
    });
    expect(h1(page("long-title-front"))).toBe(`${"عنوان طويل ".repeat(6).trim()}…`);
  });

  it("removes control characters with a warning naming the line", () => {
    expect(entry("control-chars.txt")).toMatchObject({
      problems: [{ line: 3, severity: "warning", message: "2 invisible control characters (first U+0007) removed" }],
    });
    expect(page("control-chars")).not.toContain("\u0007");
    expect(page("control-chars")).not.toContain("\u001b");
    expect(body(page("control-chars"))).toContain("نص فيه محرفا تحكم لا يظهران.");
  });
});

describe("front matter", () => {
  it("warns about a date after the build day on the console only: no output depends on the clock", () => {
    expect(printed).toMatch(/future-date\.txt: warning: the document's date 2999-01-01 is after the day of this build \(\d{4}-\d{2}-\d{2}\)/);
    expect(entry("future-date.txt")).toMatchObject({ status: "published", problems: [] });
    expect(readFileSync(join(run.output, "data/build-report.json"), "utf8")).not.toContain("after the day of this build");
    expect(page("future-date")).toContain('<time datetime="2999-01-01">');
  });
});

describe("content that must stay text", () => {
  const cases = ["injection-text", "injection-front", "injection-markdown"];

  it("publishes every case", () => {
    for (const slug of cases) expect(report.files.some((file) => file.url === `/documents/${slug}/`), slug).toBe(true);
  });

  it("warns about raw HTML in Markdown, which is an attempt at markup, not about the same characters in plain text", () => {
    expect(entry("injection-markdown.md").problems).toEqual([
      { line: 4, severity: "warning", message: "3 raw HTML tags (<script>, <img onerror>) are shown as text, not run", fix: "write the text in Markdown without HTML; markup cannot run on the site" },
    ]);
    expect(entry("injection-text.txt").problems).toEqual([]);
  });

  it("shows markup and template syntax as text in the <h1>, the <title> and the body", () => {
    const text = page("injection-text");
    expect(h1(text)).toBe("&lt;script&gt;alert(1)&lt;/script&gt; بيان {{ 7*7 }} عن الحماية");
    expect(titleTag(text)).toMatch(/^&lt;script&gt;alert\(1\)&lt;\/script&gt; بيان \{\{ 7\*7 \}\} عن الحماية \| /);
    expect(body(text)).toContain("&#123;&#123; 7*7 &#125;&#125;");
    expect(body(text)).toMatch(/&#123;% <span dir="ltr">include<\/span> «<span dir="ltr">x<\/span>» %&#125;/);
    expect(body(text)).toContain("&lt;<span dir=\"ltr\">img src</span>=");

    const front = page("injection-front");
    expect(h1(front)).toBe("عنوان &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} مقلوب");
    expect(metaDescription(front)).toBe("وصف &lt;img src=x onerror=alert(1)&gt; {% include &quot;x&quot; %} مقلوب");
    expect(front).toContain("الدوحة، قطر");

    const markdown = page("injection-markdown");
    expect(h1(markdown)).toBe("عنوان ماركداون {{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body(markdown)).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(body(markdown)).toContain("&#123;% include &quot;x&quot; %&#125;");
  });

  it("keeps the home page's titles and excerpts inert too", () => {
    const home = readOutput(run, "index.html");
    expect(home).toContain("&lt;script&gt;alert(1)&lt;/script&gt; بيان {{ 7*7 }} عن الحماية");
    expect(home).toContain("وسماً &lt;img src=x onerror=alert(1)&gt; لا ينبغي");
    expect(home).toContain("وصف &lt;img src=x onerror=alert(1)&gt;");
    expectInert(home);
  });

  it("has no element, script, event handler, evaluated template or bidi control a document put there", () => {
    for (const slug of cases) expectInert(page(slug));
    // The bidi controls are removed, the words they wrapped are kept.
    expect(h1(page("injection-text"))).toContain("عن الحماية");
    expect(body(page("injection-text"))).toContain("سطر أخير فيه تجاوز وعزل وعزل أول وعلامات اتجاه وعربية.");
  });

  it("publishes Persian letters and Arabic presentation forms as written, and still matches organisations through them", () => {
    expect(entry("persian-and-forms.txt")).toMatchObject({ status: "published", problems: [] });
    const html = page("persian-and-forms");
    expect(h1(html)).toBe("گزارش کوتاه دربارهٔ همکاری پلیس بین\u200Cالمللی");
    expect(body(html)).toContain("ﺍﻹﻧﺘﺮﺑﻮﻝ يعمل مع الشرطة في پاکستان وچین وژاپن");
    expect(html).toContain('href="/organisations/interpol/"');
  });
});
