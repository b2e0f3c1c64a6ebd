import { describe, expect, it } from "vitest";
import {
  expandPresentationForms,
  foldLetters,
  normalizeArabic,
  plainLetters,
  stripDiacritics,
  stripInvisibles,
  toArabicIndicDigits,
  toWesternDigits,
} from "../../../src/arabic/normalize.ts";

describe("normalizeArabic: hamza", () => {
  it.each([
    ["أ", "أمم"],
    ["إ", "إنتربول"],
    ["آ", "آسيان"],
    ["ٱ", "ٱلأمم"],
    ["ٲ", "ٲمم"],
    ["ٳ", "ٳنتربول"],
  ])("folds %s on alef to a bare alef", (_letter, word) => {
    expect(normalizeArabic(word)).not.toMatch(/[أإآٱٲٳ]/);
    expect(normalizeArabic(word).startsWith("ا")).toBe(true);
  });

  it("folds ؤ to و and ئ to ي", () => {
    expect(normalizeArabic("مؤتمر")).toBe("موتمر");
    expect(normalizeArabic("رئيس")).toBe("رييس");
  });

  it("makes the hamza spellings of one word equal", () => {
    expect(normalizeArabic("الإتجار")).toBe(normalizeArabic("الاتجار"));
    expect(normalizeArabic("الأنتربول")).toBe(normalizeArabic("الإنتربول"));
  });

  it("composes alef + combining hamza / madda before folding", () => {
    expect(normalizeArabic("ا\u0654مم")).toBe(normalizeArabic("أمم"));
    expect(normalizeArabic("ا\u0653سيان")).toBe(normalizeArabic("آسيان"));
  });
});

describe("normalizeArabic: letters", () => {
  it("folds ta marbuta to ha", () => {
    expect(normalizeArabic("منظمة")).toBe("منظمه");
    expect(normalizeArabic("منظمة الدولية")).toBe(normalizeArabic("منظمه الدوليه"));
  });

  it("folds alef maqsura to ya", () => {
    expect(normalizeArabic("مستشفى")).toBe(normalizeArabic("مستشفي"));
    expect(normalizeArabic("على")).toBe("علي");
  });

  it("folds Persian yeh and kaf to Arabic ya and kaf", () => {
    expect(normalizeArabic("\u06A9\u06CC")).toBe("\u0643\u064A");
    expect(normalizeArabic("الاتحاد الأوروبی")).toBe(normalizeArabic("الاتحاد الأوروبي"));
    expect(normalizeArabic("کوبا")).toBe(normalizeArabic("كوبا"));
  });

  it("folds the other Persian and Urdu code points of Arabic letters", () => {
    // ګ kaf with ring, ې e, ے yeh barree, ٸ high hamza yeh, ۀ heh with yeh, ہ heh goal, ھ heh doachashmee.
    expect(normalizeArabic("الګفيل")).toBe(normalizeArabic("الكفيل"));
    expect(normalizeArabic("فې")).toBe(normalizeArabic("في"));
    expect(normalizeArabic("علے")).toBe(normalizeArabic("على"));
    expect(normalizeArabic("مسٸول")).toBe(normalizeArabic("مسئول"));
    expect(normalizeArabic("منظمۀ")).toBe(normalizeArabic("منظمة"));
    expect(normalizeArabic("اتجاہ")).toBe(normalizeArabic("اتجاه"));
    expect(normalizeArabic("ھذا")).toBe(normalizeArabic("هذا"));
  });

  it("plainLetters writes keyboard variants and presentation forms as Arabic letters, spelling kept", () => {
    expect(plainLetters("أکثر الکفیل")).toBe("أكثر الكفيل");
    expect(plainLetters("مسٸول")).toBe("مسئول");
    expect(plainLetters("\uFEDB\uFEFB")).toBe("كلا");
    expect(plainLetters("أحمد مستشفى منظمة")).toBe("أحمد مستشفى منظمة");
  });

  it("foldLetters changes only the folded letters", () => {
    expect(foldLetters("أَحمد ة ى")).toBe("اَحمد ه ي");
  });
});

describe("normalizeArabic: diacritics and tatweel", () => {
  it("removes harakat and sukun", () => {
    expect(normalizeArabic("مُنَظَّمَةٌ")).toBe("منظمه");
    expect(normalizeArabic("القُصَّر")).toBe("القصر");
    expect(normalizeArabic("الإِنْتَرْبُول")).toBe(normalizeArabic("الإنتربول"));
  });

  it.each([
    ["fathatan", "\u064B"],
    ["dammatan", "\u064C"],
    ["kasratan", "\u064D"],
    ["fatha", "\u064E"],
    ["damma", "\u064F"],
    ["kasra", "\u0650"],
    ["shadda", "\u0651"],
    ["sukun", "\u0652"],
    ["superscript alef", "\u0670"],
    ["Quranic small high mark", "\u06DA"],
    ["extended-Arabic mark", "\u08F0"],
  ])("removes %s", (_name, mark) => {
    expect(normalizeArabic(`كت${mark}اب`)).toBe("كتاب");
  });

  it("removes tatweel", () => {
    expect(normalizeArabic("الإنتـــربول")).toBe(normalizeArabic("الإنتربول"));
    expect(stripDiacritics("لـ")).toBe("ل");
  });

  it("stripDiacritics keeps the letters and their hamza", () => {
    expect(stripDiacritics("الإِنْتَرْبُولُ")).toBe("الإنتربول");
  });
});

describe("normalizeArabic: digits", () => {
  it("turns Arabic-Indic and Persian digits into ASCII digits", () => {
    expect(normalizeArabic("٦ ديسمبر، ٢٠١٧")).toBe("6 ديسمبر، 2017");
    expect(normalizeArabic("۱۴۰۲")).toBe("1402");
    expect(toWesternDigits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789 0123456789");
  });

  it("still converts the other way for display", () => {
    expect(toArabicIndicDigits("2017")).toBe("٢٠١٧");
  });
});

describe("normalizeArabic: presentation forms, invisibles, Latin, spaces", () => {
  it("expands Arabic presentation forms to ordinary letters", () => {
    // ﺍﻹﻧﺘﺮﺑﻮﻝ: isolated/initial/medial/final forms and the lam-alef ligature.
    const presentation = "\uFE8D\uFEF9\uFEE7\uFE98\uFEAE\uFE91\uFEEE\uFEDD";
    expect(normalizeArabic(presentation)).toBe(normalizeArabic("الإنتربول"));
    expect(normalizeArabic("\uFEFB")).toBe("لا");
  });

  it("does not split a word at an isolated-form haraka", () => {
    expect(expandPresentationForms("ك\uFE76تاب")).toBe("ك\u064Eتاب");
    expect(normalizeArabic("ك\uFE76تاب")).toBe("كتاب");
  });

  it("leaves Latin compatibility characters alone", () => {
    expect(normalizeArabic("ﬁle ²")).toBe("ﬁle ²");
  });

  it("removes zero-width and bidi format characters", () => {
    expect(normalizeArabic("الأمم\u200C المتحدة\u200F")).toBe("الامم المتحده");
    expect(stripInvisibles("a\u200Bb\u202Bc\u2066d\uFEFF")).toBe("abcd");
  });

  it("lower-cases Latin and collapses whitespace", () => {
    expect(normalizeArabic("  INTERPOL \n\t الإنتربول  ")).toBe("interpol الانتربول");
  });
});
