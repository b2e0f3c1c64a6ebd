// buildDocument's answers to bad input: the exact problem (severity, line,
// message) and what is published, without a full site build.
import { beforeAll, describe, expect, it } from "vitest";
import { Project } from "../../../src/project.ts";
import {
  buildDocument,
  LONG_LINE_LENGTH,
  MAX_TITLE_LENGTH,
  shortenTitle,
  type ArchiveData,
  type DocumentResult,
} from "../../../src/documents/pipeline.ts";

let data: ArchiveData;

beforeAll(async () => {
  data = (await Project.load()).data;
});

function build(text: string | Buffer, file = "doc.txt"): DocumentResult {
  return buildDocument(file, file.endsWith(".md") ? "md" : "txt", typeof text === "string" ? Buffer.from(text, "utf8") : text, data);
}

const BODY = "عنوان الوثيقة\n\nنص الوثيقة عن التعاون في مكافحة الاتجار بالبشر.\n";

describe("files with nothing to publish are errors", () => {
  it("empty, blank, front matter only, or only furniture", () => {
    expect(build("").problems).toEqual([{ file: "doc.txt", severity: "error", message: "is empty: there is nothing to publish", fix: "paste the document's text into it, or delete the file" }]);
    expect(build(" \n\t\r\n\u200F\u200B\n").problems).toMatchObject([{ severity: "error", message: "has only blank space: there is nothing to publish" }]);
    expect(build("---\ntitle: عنوان\n---\n  \n").problems).toMatchObject([{ severity: "error", message: "has front matter but no text after it: there is nothing to publish" }]);
    expect(build("حصة\n").problems).toMatchObject([{ severity: "error", message: "has no text left to make a page from (only page furniture or markup)" }]);
    for (const text of ["", "---\ntitle: عنوان\n---\n", "حصة\n"]) expect(build(text).document).toBeNull();
  });

  it("a file larger than the limit", () => {
    const result = build(Buffer.alloc(data.maxDocumentBytes + 1, 0x61));
    expect(result).toEqual({
      document: null,
      problems: [
        {
          file: "doc.txt",
          severity: "error",
          message: "is 5.0 MB; the largest document the build reads is 5.0 MB",
          fix: "split it into several documents, one file each (or remove it if it is not a document); the limit is `maxDocumentMB` in content/_data/site.yaml",
        },
      ],
    });
  });
});

describe("long lines and titles", () => {
  it("warns about a line over 10,000 characters at its line in the file, counting the front matter", () => {
    const long = "كلمة ".repeat(LONG_LINE_LENGTH / 4);
    const result = build(`---\ndate: 2020\n---\nعنوان\n\n${long}\n${long}\n`);
    expect(result.document).not.toBeNull();
    expect(result.problems).toEqual([
      {
        file: "doc.txt",
        line: 6,
        severity: "warning",
        message: `this line has ${long.length.toLocaleString("en")} characters (and 1 more line over 10,000): the text has probably lost its line breaks, and is published as one long paragraph`,
        fix: "compare with the original and put each paragraph on its own line",
      },
    ]);
  });

  it("shortens a front matter title that is too long, and says so at its line", () => {
    const title = "عنوان طويل ".repeat(30).trim();
    const result = build(`---\ndate: 2020\ntitle: ${title}\n---\nنص الوثيقة.\n`);
    expect(result.document?.title).toBe(`${"عنوان طويل ".repeat(6).trim()}…`);
    expect(result.document?.titleSource).toBe("front-matter");
    expect(result.problems).toMatchObject([{ line: 3, severity: "warning", message: expect.stringMatching(/^the title is 329 characters long \(the most is 250\)/) }]);
  });

  it("shortens a Markdown heading that is too long", () => {
    const result = build(`# ${"كلمة ".repeat(60).trim()}\n\nنص.\n`, "note.md");
    expect(result.document?.title).toBe(`${"كلمة ".repeat(12).trim()}…`);
    expect(result.problems).toMatchObject([{ severity: "warning", message: expect.stringContaining("the title is 299 characters long") }]);
  });

  it("cuts a title with no spaces to the limit", () => {
    expect(shortenTitle("ب".repeat(2000))).toBe(`${"ب".repeat(MAX_TITLE_LENGTH - 1)}…`);
    expect(shortenTitle("عنوان قصير")).toBe("عنوان قصير");
  });
});

describe("front matter", () => {
  it("warns about unknown keys and values that are not text, at their line", () => {
    const result = build(`---\ntitle: 2017\nauthor: محرر\nslug: [a]\n---\n${BODY}`);
    expect(result.document?.title).toBe("عنوان الوثيقة");
    expect(result.document?.slug).toBe("doc");
    expect(result.problems).toEqual([
      { file: "doc.txt", line: 3, severity: "warning", message: "unknown front matter key `author` is not used", fix: expect.stringContaining("use one of: title, date") },
      { file: "doc.txt", line: 2, severity: "warning", message: "front matter `title` is not text, so it is not used", fix: 'write it as text, e.g. `title: "…"`' },
      { file: "doc.txt", line: 4, severity: "warning", message: "front matter `slug` is not text, so it is not used", fix: 'write it as text, e.g. `slug: "…"`' },
    ]);
  });

  it("rejects an impossible date at its line", () => {
    const result = build(`---\ntitle: عنوان\ndate: 2023-02-30\n---\n${BODY}`);
    expect(result.document).toBeNull();
    expect(result.problems).toMatchObject([{ line: 3, severity: "error", message: expect.stringContaining('date "2023-02-30" does not exist: February 2023 has 28 days') }]);
  });

  it("rejects slugs that leave /documents/ or cannot be an address", () => {
    for (const slug of ["../escape", "a/b", "..", "a\\\\b"]) {
      const result = build(`---\nslug: "${slug}"\n---\n${BODY}`);
      expect(result.document, slug).toBeNull();
      expect(result.problems, slug).toMatchObject([{ line: 2, severity: "error", message: expect.stringContaining("contains `/` or `..`") }]);
    }
    expect(build(`---\nslug: "a b"\n---\n${BODY}`).problems).toMatchObject([{ line: 2, severity: "error", message: "slug `a b` cannot be used in a URL" }]);
    expect(build(BODY, "؟؟.txt").problems).toMatchObject([{ severity: "error", message: "the file name has no letters or digits to make the page's address from" }]);
    expect(build(`---\nslug: وثيقة-عربية\n---\n${BODY}`).document?.url).toBe("/documents/وثيقة-عربية/");
  });

  it("removes bidi controls from the title, description and place it takes from front matter", () => {
    const result = build(`---\ntitle: "\u202Eعنوان\u202C"\ndescription: "\u2067وصف\u2069"\nplace: "\u202Bالدوحة\u202C، قطر"\n---\n${BODY}`);
    expect(result.document).toMatchObject({ title: "عنوان", description: "وصف", place: { city: "الدوحة", country: "قطر" } });
  });
});

describe("content that must stay text", () => {
  it("escapes markup and braces in text bodies and Markdown bodies", () => {
    const text = build("عنوان\n\nنص <script>alert(1)</script> و{{ 7*7 }} و{% include \"x\" %}.\n").document;
    expect(text?.bodyHtml).toContain("&lt;<span dir=\"ltr\">script</span>&gt;");
    expect(text?.bodyHtml).toContain("&#123;&#123; 7*7 &#125;&#125;");
    const markdown = build("# عنوان\n\nنص <img src=x onerror=alert(1)> و{{ 7*7 }}.\n\n<script>alert(1)</script>\n", "note.md").document;
    expect(markdown?.bodyHtml).toBe("<p>نص &lt;img src=x onerror=alert(1)&gt; و&#123;&#123; 7*7 &#125;&#125;.</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  });

  it("keeps Persian letters and presentation forms for display, and matches organisations through them", () => {
    const result = build("گزارش کوتاه پلیس\n\nﺍﻹﻧﺘﺮﺑﻮﻝ و پلیس ایران همکاری می‌کنند.\n");
    expect(result.problems).toEqual([]);
    expect(result.document?.title).toBe("گزارش کوتاه پلیس");
    expect(result.document?.plainText).toContain("ﺍﻹﻧﺘﺮﺑﻮﻝ و پلیس ایران همکاری می\u200Cکنند.");
    expect(result.document?.organisations.map((mention) => mention.id)).toEqual(["interpol"]);
  });
});

describe("a Hijri date beside the Gregorian one", () => {
  it("dates the page by the Gregorian date and warns when the Hijri date names another day", () => {
    const wrong = build("مؤتمر إقليمي\n\nالسبت 3 رجب 1445 هـ الموافق 20 كانون الثاني/يناير 2024 م\n\nالكويت (الكويت) - افتتح مؤتمر.\n");
    expect(wrong.document?.date).toMatchObject({ iso: "2024-01-20", precision: "day" });
    expect(wrong.problems).toEqual([
      { file: "doc.txt", severity: "warning", message: expect.stringContaining("8 رجب 1445 هـ in the Umm al-Qura calendar"), fix: expect.stringContaining("correct the wrong one") },
    ]);
    const right = build("مؤتمر إقليمي\n\nالخميس 11 رمضان 1445 هـ الموافق 21 آذار/مارس 2024 م\n\nفيينا (النمسا) - افتتح مؤتمر.\n");
    expect(right.document?.date).toMatchObject({ iso: "2024-03-21", precision: "day" });
    expect(right.problems).toEqual([]);
  });
});
