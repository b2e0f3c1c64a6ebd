// Markdown documents are inert (issue 15): raw HTML stays text, no link runs code, no image is loaded.
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/text/markdown.ts";

describe("parseMarkdown", () => {
  it("renders ordinary Markdown, with its links, and no note", () => {
    const { bodyHtml, notes, parsed } = parseMarkdown("# عنوان\n\nنص **مهم** و[رابط](https://www.unodc.org/).\n");
    expect(parsed.title).toBe("عنوان");
    expect(bodyHtml).toBe('<p>نص <strong>مهم</strong> و<a href="https://www.unodc.org/">رابط</a>.</p>\n');
    expect(notes).toEqual([]);
  });

  it("shows raw HTML as text and counts the tags, naming event attributes", () => {
    const { bodyHtml, notes } = parseMarkdown('نص\n\n<script>alert(1)</script>\n\n<svg onload="alert(2)"></svg> و<b>غامق</b>\n');
    expect(bodyHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(bodyHtml).not.toMatch(/<(?:script|svg|b)\b/);
    expect(notes).toEqual([{ line: 3, message: "3 raw HTML tags (<script>, <svg onload>, <b>) are shown as text, not run", fix: expect.any(String) }]);
  });

  it("does not take comparisons, autolinks or code for HTML", () => {
    expect(parseMarkdown("إذا كان a < b و<https://example.org>\n\n`<script>` في الشيفرة\n").notes).toEqual([]);
  });

  it("makes no link that runs code, whatever its case or spelling, and says on which line", () => {
    const { bodyHtml, notes } = parseMarkdown("نص\n\n[أ](javascript:alert(1)) [ب](JAVASCRIPT:alert(2)) [ج](java&#115;cript:alert(3)) [د][ref]\n\n[ref]: javascript:alert(4)\n");
    expect(bodyHtml).not.toMatch(/href/);
    expect(notes).toEqual([{ line: 3, message: "4 links to `javascript:` addresses are not made: they would run code", fix: "remove the link, or link to an https:// address" }]);
  });

  it("shows an image as its description: no <img>, so nothing is requested", () => {
    const { bodyHtml, notes } = parseMarkdown('نص\n\n![خريطة <المنطقة>](https://tracker.example/p.png "t") ![](local.png) ![بيانات](data:image/png;base64,iVBOR)\n');
    expect(bodyHtml).toBe("<p>نص</p>\n<p>خريطة &lt;المنطقة&gt;  بيانات</p>\n");
    expect(notes).toEqual([{ line: 3, message: "3 images are not shown: the site publishes text only and loads nothing from other sites; each image's description is shown instead", fix: expect.any(String) }]);
  });
});
