import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/model.ts";
import { escapeHtml, renderBlocks, renderInline, stripBidiControls } from "../../../src/text/inline.ts";

const ltr = (text: string) => `<span dir="ltr">${text}</span>`;

describe("renderInline: Latin runs", () => {
  it.each([
    ["المعروفة باسم I-24/7. وتتيح", `المعروفة باسم ${ltr("I-24/7")}. وتتيح`],
    ["النشرات وI-24/7، شبكة", `النشرات و${ltr("I-24/7")}، شبكة`],
    ["عملية Épervier التي", `عملية ${ltr("Épervier")} التي`],
    ["القرار A/RES/68/192 الذي", `القرار ${ltr("A/RES/68/192")} الذي`],
    ["عمليتين: Epervier II وSTOP Mauritania.", `عمليتين: ${ltr("Epervier II")} و${ltr("STOP Mauritania")}.`],
    ["Human trafficking INTERPOL", ltr("Human trafficking INTERPOL")],
    ["ساحل (Côte d'Ivoire) والنيجر", `ساحل (${ltr("Côte d&#39;Ivoire")}) والنيجر`],
    ["الساعة 10:30 حسب UTC:", `الساعة 10:30 حسب ${ltr("UTC")}:`],
    ["رابط www.interpol.int/ar للمزيد", `رابط ${ltr("www.interpol.int/ar")} للمزيد`],
    ["عملية Andes.", `عملية ${ltr("Andes")}.`],
  ])("isolates the Latin in %s", (input, output) => {
    expect(renderInline(input)).toBe(output);
  });

  it("leaves Arabic text and bare numbers unwrapped", () => {
    expect(renderInline("أكثر من 300 خبير من ٩٠ بلدا، في 2017-12-06.")).toBe("أكثر من 300 خبير من ٩٠ بلدا، في 2017-12-06.");
  });

  it("does not swallow a trailing Arabic letter, space or punctuation", () => {
    expect(renderInline("XYZالعربية")).toBe(`${ltr("XYZ")}العربية`);
    expect(renderInline("ABC - تجربة")).toBe(`${ltr("ABC")} - تجربة`);
    expect(renderInline("(Interpol)")).toBe(`(${ltr("Interpol")})`);
    expect(renderInline("I-24/7/")).toBe(`${ltr("I-24/7")}/`);
  });
});

describe("renderInline: escaping", () => {
  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("makes markup inert", () => {
    const html = renderInline('<script>alert("x")</script> نص <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<(?!\/?span\b)/);
    expect(html).toContain("&lt;");
    expect(html).toContain("&quot;");
  });

  it("makes template syntax inert", () => {
    const html = renderInline("{{ 7*7 }} و{% include 'x.njk' %}");
    expect(html).not.toContain("{{");
    expect(html).not.toContain("{%");
    expect(html).not.toContain("49");
    expect(html).toContain("&#123;&#123; 7*7 &#125;&#125;");
  });

  it("escapes entity-looking text instead of decoding it", () => {
    expect(renderInline("&lt;b&gt;")).toBe(`&amp;${ltr("lt")};${ltr("b")}&amp;${ltr("gt")};`);
  });

  it("removes bidi control characters", () => {
    expect(renderInline("نص\u202Eمعكوس\u202C و\u2066LTR\u2069")).toBe(`نصمعكوس و${ltr("LTR")}`);
  });
});

describe("stripBidiControls", () => {
  it("removes embeddings, overrides, isolates and marks", () => {
    const controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(stripBidiControls(`أ${controls}ب`)).toBe("أب");
  });

  it("keeps joiners, ordinary text and spaces", () => {
    const text = "لا\u200Cحول\u200D A b ١٢";
    expect(stripBidiControls(text)).toBe(text);
  });
});

describe("renderBlocks", () => {
  it("renders each block kind as semantic HTML", () => {
    const blocks: Block[] = [
      { kind: "standfirst", text: "مقدمة", line: 1 },
      { kind: "heading", text: "عنوان", line: 2 },
      { kind: "paragraph", text: "نص مع I-24/7.", line: 3 },
      { kind: "caption", text: "تعليق", line: 4 },
      { kind: "list", ordered: false, items: ["أ", "ب"], line: 5 },
      { kind: "list", ordered: true, items: ["<ج>"], line: 7 },
    ];
    expect(renderBlocks(blocks).split("\n")).toEqual([
      '<p class="standfirst">مقدمة</p>',
      "<h2>عنوان</h2>",
      `<p>نص مع ${ltr("I-24/7")}.</p>`,
      '<p class="caption">تعليق</p>',
      "<ul><li>أ</li><li>ب</li></ul>",
      "<ol><li>&lt;ج&gt;</li></ol>",
    ]);
  });

  it("produces no styles or scripts from hostile text", () => {
    const html = renderBlocks([
      { kind: "paragraph", text: '<p style="color:red" onclick="x()">', line: 1 },
      { kind: "heading", text: "</h2><script>x()</script>", line: 2 },
    ]);
    expect(html).not.toMatch(/<script|<p style|style="/);
    // Only the two elements' own tags remain once the Latin-run spans are set aside.
    expect(html.replace(/<\/?span[^>]*>/g, "").match(/</g)).toHaveLength(4);
  });

  it("renders nothing for no blocks", () => {
    expect(renderBlocks([])).toBe("");
  });
});
