import { describe, expect, it } from "vitest";
import { typesetQuotes } from "../../../src/text/quotes.ts";

describe("typesetQuotes", () => {
  it.each([
    ["doubled single marks ’’…‘‘", "قال: ’’إن جهودنا لن تتكلل بالنجاح‘‘.", "قال: «إن جهودنا لن تتكلل بالنجاح»."],
    ["single marks ’…‘", "سبل تقويض ’نموذج عمل‘ المجموعات", "سبل تقويض «نموذج عمل» المجموعات"],
    ["straight double quotes", 'تحت عنوان "تعزيز التعاون"، بتنظيم', "تحت عنوان «تعزيز التعاون»، بتنظيم"],
    ["curly “…”", "دبلوم “أخصائي مكافحة الاتجار”، الذي", "دبلوم «أخصائي مكافحة الاتجار»، الذي"],
    ["mirrored curly ”…“", "حملة ”القلب الأزرق“ التي", "حملة «القلب الأزرق» التي"],
    ["mirrored doubled ‘‘…’’", "قال ‘‘نعم’’ ثم", "قال «نعم» ثم"],
    ["a quote opened after a joined و", 'أطلقت حملة و"القلب الأزرق" معا', "أطلقت حملة و«القلب الأزرق» معا"],
    ["a quote at the start of the line", '"القلب الأزرق" حملة', "«القلب الأزرق» حملة"],
    ["two quotations on a line", 'بين "الأول" و"الثاني".', "بين «الأول» و«الثاني»."],
  ])("typesets %s", (_label, input, output) => {
    expect(typesetQuotes(input)).toBe(output);
  });

  it.each([
    ["an opener with no closer", "قال: ’’إن جهودنا لن تتكلل"],
    ["a closer with no opener", "لن تتكلل بالنجاح‘‘ ثم"],
    ["a lone straight quote", 'ارتفاع 5" تقريبا'],
    ["marks surrounded by spaces", 'كلمة " كلمة " كلمة'],
    ["an apostrophe inside a Latin word", "the bureau’s report and don’t"],
    ["mismatched styles", "قال “نعم‘ ثم"],
  ])("leaves %s exactly as it is", (_label, input) => {
    expect(typesetQuotes(input)).toBe(input);
  });

  it("pairs what can be paired and leaves the stray mark", () => {
    expect(typesetQuotes('قال "أ و"ب" ثم')).toBe('قال "أ و«ب» ثم');
    expect(typesetQuotes("’’أ‘‘ و’’ب")).toBe("«أ» و’’ب");
  });

  it("never loses or adds characters other than the marks", () => {
    const input = "قال ’’أ‘‘ و“ب” و\"ج\" و’د‘ و”ه“";
    const output = typesetQuotes(input);
    expect(output).toBe("قال «أ» و«ب» و«ج» و«د» و«ه»");
    expect(output.replace(/[«»]/g, "")).toBe(input.replace(/[’‘“”"]/g, ""));
  });
});
