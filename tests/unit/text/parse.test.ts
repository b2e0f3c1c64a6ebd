import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/model.ts";
import { loadFurnitureRules } from "../../../src/text/furniture.ts";
import { parseText } from "../../../src/text/parse.ts";
import { namedLines, nonBlankLines, placedLineCount, repoRules } from "./helpers.ts";

const rules = repoRules();
const parse = (body: string) => parseText(body, rules);
const kinds = (blocks: Block[]) => blocks.map((block) => block.kind);

const LONG_BODY =
  "يعترف الإنتربول بالدور الحاسم الذي تلعبه وحدات حماية الطفل والخدمات الاجتماعية والمنظمات غير الحكومية في بلداننا الأعضاء، ونحن نشارك بانتظام في أنشطتها لضمان حصول الأطفال على الرعاية الملائمة في جميع مراحل التحقيقات والعمليات.";
const BODY_2 = "وتتيح هذه المنظومة للشرطة إمكان الوصول الفوري إلى قواعد بيانات جنائية تتضمن ملايين القيود عن وثائق هوية.";

describe("title", () => {
  it("takes a first line standing alone as the title", () => {
    const parsed = parse(`حماية الأطفال من الاستغلال\n\n${LONG_BODY}`);
    expect(parsed).toMatchObject({ title: "حماية الأطفال من الاستغلال", titleSource: "text", titleLine: 1 });
    expect(kinds(parsed.blocks)).toEqual(["paragraph"]);
  });

  it("takes a long standalone first line ending in a full stop when it is clearly shorter than the body", () => {
    const title = "مقابلة مع السفير المكلّف بمكافحة التهديدات الإجرامية العابرة للحدود الوطنية.";
    expect(parse(`${title}\n\n${LONG_BODY}`)).toMatchObject({ title, titleSource: "text" });
  });

  it("does not take a standalone first sentence about as long as the paragraph after it", () => {
    const parsed = parse(`${BODY_2}\n\n${BODY_2}`);
    expect(parsed.titleSource).toBe("inferred");
    expect(parsed.blocks[0]?.line).toBe(1);
  });

  it("does not take a standalone first paragraph that opens with a dateline", () => {
    const first = "الدوحة (قطر) - يدعو خبراء دوليون إلى توسيع نطاق المشاركة.";
    const parsed = parse(`${first}\n\n${LONG_BODY}`);
    expect(parsed.titleSource).toBe("inferred");
    expect(parsed.title).toBe("يدعو خبراء دوليون إلى توسيع نطاق المشاركة");
    expect(parsed.blocks[0]).toEqual({ kind: "paragraph", line: 1, text: first });
  });

  it("takes a short label running straight into the body as the title", () => {
    const parsed = parse(`حماية الأطفال\n${LONG_BODY}\n${BODY_2}`);
    expect(parsed).toMatchObject({ title: "حماية الأطفال", titleSource: "text", titleLine: 1 });
    expect(kinds(parsed.blocks)).toEqual(["paragraph", "paragraph"]);
  });

  it("keeps a long first line that runs on into the body in the body, and infers a title", () => {
    const parsed = parse(`${LONG_BODY}\n${BODY_2}`);
    expect(parsed.titleSource).toBe("inferred");
    expect(parsed.titleLine).toBeUndefined();
    expect(parsed.title).toBe("يعترف الإنتربول بالدور الحاسم الذي تلعبه وحدات حماية الطفل والخدمات الاجتماعية والمنظمات…");
    expect(parsed.blocks.map((block) => block.line)).toEqual([1, 2]);
  });

  it("infers a title for a one-line text and keeps the line in the body", () => {
    const parsed = parse("عنوان وحيد بلا نص");
    expect(parsed).toMatchObject({ title: "عنوان وحيد بلا نص", titleSource: "inferred" });
    expect(parsed.blocks).toEqual([{ kind: "paragraph", line: 1, text: "عنوان وحيد بلا نص" }]);
  });

  it("infers the title from prose, not from a list or a date line at the top", () => {
    const parsed = parse(`• بند أول\n٦ ديسمبر، ٢٠١٧\n${BODY_2}`);
    expect(parsed.titleSource).toBe("inferred");
    expect(parsed.title).toBe("وتتيح هذه المنظومة للشرطة إمكان الوصول الفوري إلى قواعد بيانات جنائية تتضمن…");
  });

  it("returns an empty inferred title for an empty body", () => {
    expect(parse("\n  \n")).toEqual({ title: "", titleSource: "inferred", blocks: [], removed: [] });
  });

  it("typesets quotation marks in the title", () => {
    expect(parse(`حملة ’’القلب الأزرق‘‘\n\n${LONG_BODY}`).title).toBe("حملة «القلب الأزرق»");
  });
});

describe("paragraphs", () => {
  it("reads single-newline and blank-line separated texts the same way", () => {
    const lines = [LONG_BODY, BODY_2, LONG_BODY];
    const single = parse(lines.join("\n"));
    const blank = parse(lines.join("\n\n"));
    expect(single.blocks.map((block) => block.kind === "paragraph" && block.text)).toEqual(lines);
    expect(blank.blocks.map((block) => block.kind === "paragraph" && block.text)).toEqual(lines);
    expect(blank.blocks.map((block) => block.line)).toEqual([1, 3, 5]);
  });

  it("trims indentation and removes bidi control characters from block text", () => {
    const parsed = parse(`${LONG_BODY}\n   \u202Bنص\u202C مضمن   `);
    expect(parsed.blocks[1]).toEqual({ kind: "paragraph", line: 2, text: "نص مضمن" });
  });
});

describe("lists", () => {
  const listsOf = (body: string) =>
    parse(body).blocks.filter((block): block is Extract<Block, { kind: "list" }> => block.kind === "list");

  it.each(["•", "-", "*", "–"])("reads bullet items marked %s and strips the marker", (marker) => {
    const found = listsOf(`${LONG_BODY}\n${marker} البند الأول\n  ${marker} البند الثاني`);
    expect(found).toEqual([{ kind: "list", ordered: false, items: ["البند الأول", "البند الثاني"], line: 2 }]);
  });

  it.each([
    ["ASCII digits with a full stop", ["1. أولا", "2. ثانيا", "3. ثالثا"]],
    ["ASCII digits with a bracket", ["1) أولا", "2) ثانيا", "3) ثالثا"]],
    ["Arabic-Indic digits with a full stop", ["١. أولا", "٢. ثانيا", "٣. ثالثا"]],
    ["Arabic-Indic digits with a dash", ["١- أولا", "٢- ثانيا", "٣- ثالثا"]],
    ["Persian digits with a bracket", ["۱) أولا", "۲) ثانيا", "۳) ثالثا"]],
    ["two-digit numbers", ["9. أولا", "10. ثانيا", "11. ثالثا"]],
  ])("reads a numbered list in %s", (_label, items) => {
    expect(listsOf(`${LONG_BODY}\n${items.join("\n")}`)).toEqual([
      { kind: "list", ordered: true, items: ["أولا", "ثانيا", "ثالثا"], line: 2 },
    ]);
  });

  it("keeps items separated only by blank lines in one list", () => {
    expect(listsOf(`${LONG_BODY}\n\n• أ\n\n• ب\n\n\n• ج\n\n${BODY_2}`).map((list) => list.items)).toEqual([["أ", "ب", "ج"]]);
  });

  it("starts a new list after a paragraph, and when bullets turn into numbers", () => {
    const found = listsOf(`${LONG_BODY}\n• أ\n• ب\n${BODY_2}\n• ج\n1. د\n2. ه`);
    expect(found.map((list) => [list.ordered, list.items])).toEqual([
      [false, ["أ", "ب"]],
      [false, ["ج"]],
      [true, ["د", "ه"]],
    ]);
  });

  it("does not read year ranges, decimals, dashes in prose or a bare marker as items", () => {
    const parsed = parse(`${LONG_BODY}\n2019-2023 خطة العمل الوطنية.\n1.5 مليون ضحية.\n-\n—تعليق بلا مسافة.`);
    expect(kinds(parsed.blocks)).toEqual(["paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
  });

  it("typesets quotes inside items", () => {
    expect(listsOf(`${LONG_BODY}\n• حملة "القلب الأزرق"`)[0]?.items).toEqual(["حملة «القلب الأزرق»"]);
  });
});

describe("headings", () => {
  const headingsOf = (body: string) =>
    parse(body).blocks.filter((block) => block.kind === "heading").map((block) => block.text);

  it("makes a short label followed by body text a heading, in either paragraph style", () => {
    expect(headingsOf(`${LONG_BODY}\nالإنتربول، مركز عالمي للبيانات\n${BODY_2}`)).toEqual(["الإنتربول، مركز عالمي للبيانات"]);
    expect(headingsOf(`${LONG_BODY}\n\nحماية الأطفال\n\n${BODY_2}`)).toEqual(["حماية الأطفال"]);
  });

  it("makes an interview question a heading even when it is long", () => {
    const question = "وختامًا، ما الرسالة التي توجّهونها في هذا اليوم العالمي لمكافحة الاتجار بالأشخاص في 30 تموز/يوليو؟";
    expect(headingsOf(`${LONG_BODY}\n\n${question}\n\n${BODY_2}`)).toEqual([question]);
  });

  it.each([
    ["ends in a full stop", "هذا نص قصير."],
    ["ends in a colon", "يتم ذلك عبر:"],
    ["ends in a comma", "وفي هذا السياق،"],
    ["is Latin only", "Human trafficking INTERPOL"],
    ["is a date line", "٦ ديسمبر، ٢٠١٧"],
    ["has more than ten words", "هذه جملة طويلة نسبيا لا تنتهي بنقطة ولكنها تضم أكثر من عشر كلمات"],
    ["holds two sentences", "نعم. هذا صحيح"],
    ["holds a question and more", "لماذا؟ لأن الأمر مهم."],
  ])("keeps a short line that %s as a paragraph", (_label, line) => {
    const parsed = parse(`${LONG_BODY}\n\n${line}\n\n${BODY_2}`);
    expect(parsed.blocks[1]).toEqual({ kind: "paragraph", line: 3, text: line });
  });

  it("keeps a label with no body after it as a paragraph: at the end or before another label", () => {
    const parsed = parse(`${LONG_BODY}\n\nحماية الأطفال\n\nالعنوان الثاني\n\n${BODY_2}\n\nخاتمة قصيرة`);
    expect(kinds(parsed.blocks)).toEqual(["paragraph", "paragraph", "heading", "paragraph", "paragraph"]);
  });

  it("lets a heading introduce a list", () => {
    expect(headingsOf(`${LONG_BODY}\n\nأهم النتائج\n\n• أ\n• ب`)).toEqual(["أهم النتائج"]);
  });
});

describe("standfirst", () => {
  const title = "دورنا في مكافحة الاتجار بالبشر";

  it("is a sentence-length line under the title", () => {
    const standfirst = "نقوم بتدريب وتجهيز الشرطة لتحديد حالات الإتجار بالبشر والتحقيق فيها";
    const parsed = parse(`${title}\n\n${standfirst}\n\n${LONG_BODY}`);
    expect(parsed.blocks[0]).toEqual({ kind: "standfirst", line: 3, text: standfirst });
  });

  it("is a short line under the title that a heading follows", () => {
    const parsed = parse(`${title}\n\nتدريب الشرطة وتجهيزها\n\nحماية الأطفال\n\n${LONG_BODY}`);
    expect(kinds(parsed.blocks)).toEqual(["standfirst", "heading", "paragraph"]);
  });

  it("is not a short label under the title that body text follows: that is a heading", () => {
    const parsed = parse(`${title}\n\nحماية الأطفال\n\n${LONG_BODY}`);
    expect(kinds(parsed.blocks)).toEqual(["heading", "paragraph"]);
  });

  it("is never a date line, a question, a long paragraph, or under an inferred title", () => {
    expect(kinds(parse(`${title}\n\n٦ ديسمبر، ٢٠١٧\n\n${LONG_BODY}`).blocks)).toEqual(["paragraph", "paragraph"]);
    expect(kinds(parse(`${title}\n\nما الذي تفعله الشرطة؟\n\n${LONG_BODY}`).blocks)).toEqual(["heading", "paragraph"]);
    expect(kinds(parse(`${title}\n\n${LONG_BODY}\n\n${BODY_2}`).blocks)).toEqual(["paragraph", "paragraph"]);
    expect(kinds(parse(`${LONG_BODY}\n${BODY_2}`).blocks)).not.toContain("standfirst");
  });
});

describe("captions", () => {
  const residue = "Illust: السفير المكلّف بمكافحة, 468 كيلوبايت, 1498x750";
  const caption = "السفير المكلّف بمكافحة التهديدات الإجرامية العابرة للحدود الوطنية";

  it("reads the line right after image residue as its caption", () => {
    const parsed = parse(`${LONG_BODY}\n\n${residue}\n${caption}\n\n${BODY_2}`);
    expect(parsed.blocks[1]).toEqual({ kind: "caption", line: 4, text: caption });
    expect(parsed.removed).toEqual([{ line: 3, text: residue, rule: "image-residue" }]);
  });

  it("reads a line after a blank as the caption only when it starts with the residue's caption words", () => {
    expect(parse(`${LONG_BODY}\n${residue}\n\n${caption}\n${BODY_2}`).blocks[1]?.kind).toBe("caption");
    expect(kinds(parse(`${LONG_BODY}\n${residue}\n\n${BODY_2}`).blocks)).toEqual(["paragraph", "paragraph"]);
  });

  it("does not take a long paragraph right after the residue as a caption", () => {
    expect(kinds(parse(`${LONG_BODY}\n${residue}\nأولا. ${BODY_2}`).blocks)).toEqual(["paragraph", "paragraph"]);
  });
});

describe("furniture in the parse", () => {
  it("records removed lines with their line numbers and rule names", () => {
    const parsed = parse(`${LONG_BODY}\nحصة\n${BODY_2}\n\nانظر أيضاً:\n`);
    expect(parsed.removed).toEqual([
      { line: 2, text: "حصة", rule: "share" },
      { line: 5, text: "انظر أيضاً:", rule: "see-also" },
    ]);
    expect(parsed.blocks.map((block) => block.line)).toEqual([1, 3]);
  });

  it("uses the rules it is given", () => {
    const custom = loadFurnitureRules("rules:\n  - name: footer\n    lines: [جميع الحقوق محفوظة]");
    const parsed = parseText(`${LONG_BODY}\nحصة\nجميع الحقوق محفوظة`, custom);
    expect(parsed.removed).toEqual([{ line: 3, text: "جميع الحقوق محفوظة", rule: "footer" }]);
    expect(parsed.blocks.map((block) => block.line)).toEqual([1, 2]);
  });
});

describe("every line is accounted for", () => {
  const mixed = [
    "دورنا في مكافحة الاتجار",
    "",
    "نقوم بتدريب وتجهيز الشرطة لتحديد حالات الإتجار بالبشر والتحقيق فيها",
    "",
    "حصة",
    "حماية الأطفال",
    LONG_BODY,
    "Illust: صورة, 12 KB, 10x10",
    "التعليق على الصورة",
    "  • أ",
    "",
    "  • ب",
    "١. ج",
    "Human trafficking INTERPOL",
    "سؤال قصير؟",
    BODY_2,
    "•",
    "انظر أيضا",
  ].join("\n");

  it("puts each non-blank line in the title, one block or item, or removed", () => {
    const parsed = parse(mixed);
    expect(placedLineCount(parsed)).toBe(nonBlankLines(mixed).length);
    const lines = namedLines(parsed);
    expect(new Set(lines).size).toBe(lines.length);
    expect(kinds(parsed.blocks)).toEqual([
      "standfirst", "heading", "paragraph", "caption", "list", "list", "paragraph", "heading", "paragraph", "paragraph",
    ]);
  });
});
