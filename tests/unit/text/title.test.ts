import { describe, expect, it } from "vitest";
import { firstSentence, inferTitle, stripDateline } from "../../../src/text/title.ts";

describe("inferTitle", () => {
  it("keeps a short first sentence whole, without its full stop or an ellipsis", () => {
    expect(inferTitle("افتتح المؤتمر الدولي في الدوحة. وحضره خبراء من 90 بلدا.")).toBe("افتتح المؤتمر الدولي في الدوحة");
  });

  it("drops the dateline city (country) -", () => {
    expect(inferTitle("الدوحة (قطر) - يدعو خبراء دوليون إلى حماية الضحايا.")).toBe("يدعو خبراء دوليون إلى حماية الضحايا");
    expect(inferTitle("فيينا - عقدت اللجنة دورتها السنوية.")).toBe("عقدت اللجنة دورتها السنوية");
  });

  it("cuts at a comma within twelve words and marks the cut", () => {
    const text =
      "وافتتح المؤتمر الدكتور عيسى بن سعد الجفالي النعيمي، وزير التنمية الإدارية والعمل والشؤون الاجتماعية في قطر، مشددا على جهود بلده.";
    expect(inferTitle(text)).toBe("وافتتح المؤتمر الدكتور عيسى بن سعد الجفالي النعيمي…");
  });

  it("cuts a long clause at twelve words, not on a dangling preposition", () => {
    const text = "يجتمع خبراء من العالم أجمع هذا الأسبوع للتفكير في سبل تقويض عمل المجموعات الإجرامية الضالعة في الاتجار.";
    expect(inferTitle(text)).toBe("يجتمع خبراء من العالم أجمع هذا الأسبوع للتفكير في سبل تقويض عمل…");
    const dangling = "أكد الخبراء المجتمعون في المؤتمر السنوي للمنظمة الدولية أمس ضرورة العمل في إطار مشترك بين الدول.";
    // Word 12 is "في": the title backs off to "العمل".
    expect(inferTitle(dangling)).toBe("أكد الخبراء المجتمعون في المؤتمر السنوي للمنظمة الدولية أمس ضرورة العمل…");
  });

  it("has at most twelve words and no trailing punctuation before the ellipsis", () => {
    const title = inferTitle(`${"كلمة ".repeat(30)}.`);
    expect(title.endsWith("…")).toBe(true);
    expect(title.replace("…", "").split(" ")).toHaveLength(12);
    expect(title).not.toMatch(/[.،,]…$/);
  });

  it("drops an opening guillemet the cut left unclosed", () => {
    const text = "قال الوزير في كلمته أمام المؤتمر إن «الجهود الجماعية لن تتكلل بالنجاح إلا بمعالجة الأسباب الجذرية».";
    const title = inferTitle(text);
    expect(title).not.toContain("«");
    expect(title).toBe("قال الوزير في كلمته أمام المؤتمر إن الجهود الجماعية لن تتكلل بالنجاح…");
  });
});

describe("title helpers", () => {
  it("stripDateline leaves text without a dateline alone", () => {
    const aside = "يجتمع الخبراء من أنحاء العالم - وهم كثر - في فيينا";
    expect(stripDateline(aside)).toBe(aside);
    expect(stripDateline("بوينس آيرس (الأرجنتين) - يجتمع")).toBe("يجتمع");
  });

  it("firstSentence does not stop inside A/RES/68/192 or a decimal number", () => {
    expect(firstSentence("اعتمدت القرار A/RES/68/192 بنسبة 2.5 في المئة. ثم انتهت.")).toBe(
      "اعتمدت القرار A/RES/68/192 بنسبة 2.5 في المئة",
    );
    expect(firstSentence("هل يمثل خطرا؟ نعم.")).toBe("هل يمثل خطرا");
  });
});
