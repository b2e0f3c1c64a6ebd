import { describe, expect, it } from "vitest";
import { furnitureKey, loadFurnitureRules, matchFurniture } from "../../../src/text/furniture.ts";
import { repoRules } from "./helpers.ts";

describe("furniture rules in content/_data/furniture.yaml", () => {
  const rules = repoRules();

  it.each([
    ["الأخبار ذات الصلة بالموضوع", "related-news"],
    ["انظر أيضا", "see-also"],
    ["البلدان المشاركة", "participating-countries"],
    ["حصة", "share"],
    ["روابط هامة", "see-also"],
    ["شارك", "share"],
    ["مشاركة", "share"],
    ["طباعة", "print"],
    ["اقرأ أيضا", "related-news"],
    ["المزيد", "related-news"],
  ])("removes the line %s with rule %s", (line, rule) => {
    expect(matchFurniture(line, rules)?.rule).toBe(rule);
  });

  it("compares through normalizeArabic: hamza, tanwin, tatweel, spaces, trailing colon", () => {
    expect(matchFurniture("إقرأ أيضاً:", rules)?.rule).toBe("related-news");
    expect(matchFurniture("  انظـــر   ايضا  ", rules)?.rule).toBe("see-also");
    expect(matchFurniture("\u200Fحصة\u200F", rules)?.rule).toBe("share");
    expect(matchFurniture("FACEBOOK", rules)?.rule).toBe("share");
  });

  it("keeps sentences that only contain a furniture phrase", () => {
    expect(matchFurniture("انظر أيضا التقرير السنوي للمنظمة.", rules)).toBeUndefined();
    expect(matchFurniture("حصة كل بلد من المساعدات", rules)).toBeUndefined();
    expect(matchFurniture("", rules)).toBeUndefined();
  });

  it("removes image residue and reads its caption words", () => {
    expect(matchFurniture("Illust: السفير المكلّف بمكافحة, 468 كيلوبايت, 1498x750", rules)).toEqual({
      rule: "image-residue",
      image: true,
      caption: "السفير المكلّف بمكافحة",
    });
  });

  it.each([
    "Illust: مؤتمر الدوحة, 1.2 ميغابايت, 800x600",
    "صورة: افتتاح المؤتمر، 96 KB، 640×480",
    "photo: قاعة الاجتماعات, 120 kb",
    "شعار المنظمة, 35 كيلوبايت, 200x200",
  ])("removes image residue variant %s", (line) => {
    expect(matchFurniture(line, rules)?.image).toBe(true);
  });

  it("removes an image label with dimensions only", () => {
    expect(matchFurniture("Image: خريطة المنطقة, 1024x768", rules)).toEqual({
      rule: "image-label",
      image: true,
      caption: "خريطة المنطقة",
    });
  });

  it("keeps prose that mentions sizes", () => {
    expect(matchFurniture("بلغ حجم الملف 468 كيلوبايت عند نشره.", rules)).toBeUndefined();
    expect(matchFurniture("وتبلغ دقة الصورة 1498x750 بكسل.", rules)).toBeUndefined();
  });
});

describe("loadFurnitureRules", () => {
  it("loads line and pattern rules", () => {
    const rules = loadFurnitureRules(`
rules:
  - name: footer
    lines: ["جميع الحقوق محفوظة"]
  - name: counter
    pattern: '^عدد المشاهدات: \\d+$'
`);
    expect(rules.rules.map((rule) => rule.name)).toEqual(["footer", "counter"]);
    expect(matchFurniture("جميع الحقوق محفوظة", rules)).toEqual({ rule: "footer", image: false });
    expect(matchFurniture("عدد المشاهدات: 42", rules)).toEqual({ rule: "counter", image: false });
  });

  it.each([
    ["not yaml: [", /does not parse/],
    ["- a\n- b", /top-level "rules:"/],
    ["rules:\n  - lines: [x]", /rule #1: "name"/],
    ["rules:\n  - name: Bad Name\n    lines: [x]", /rule #1: "name"/],
    ["rules:\n  - name: both\n    lines: [x]\n    pattern: '^x$'", /"both" \(#1\): give exactly one/],
    ["rules:\n  - name: neither", /"neither" \(#1\): give exactly one/],
    ["rules:\n  - name: empty-list\n    lines: []", /"empty-list" \(#1\): "lines" must be a non-empty list/],
    ["rules:\n  - name: blank-line\n    lines: ['  ']", /"blank-line" \(#1\): every entry/],
    ["rules:\n  - name: ok\n    lines: [x]\n  - name: broken\n    pattern: '^(x$'", /"broken" \(#2\): the pattern is not a valid/],
    ["rules:\n  - name: greedy\n    pattern: '.*'", /"greedy" \(#1\): the pattern matches an empty line/],
    ["rules:\n  - name: flagged\n    pattern: '^x$'\n    flags: g", /"flagged" \(#1\): "flags"/],
    ["rules:\n  - name: pic\n    image: yes please\n    lines: [x]", /"pic" \(#1\): "image"/],
    ["rules:\n  - name: twice\n    lines: [x]\n  - name: twice\n    lines: [y]", /"twice" is defined twice/],
  ])("rejects %j naming the problem", (yamlText, message) => {
    expect(() => loadFurnitureRules(yamlText)).toThrow(message);
  });
});

describe("furnitureKey", () => {
  it("normalises and drops trailing punctuation only", () => {
    expect(furnitureKey("انظر أيضاً :")).toBe("انظر ايضا");
    expect(furnitureKey("المزيد…")).toBe("المزيد");
    expect(furnitureKey("- حصة")).toBe("- حصه");
  });
});
