import { describe, expect, it } from "vitest";
import {
  PhraseIndex,
  attachClitic,
  buildPhraseIndex,
  cliticStems,
  findAllPhrases,
  findPhrases,
  isCliticPrefix,
  tokenize,
} from "../../../src/arabic/match.ts";

const keys = (text: string, phrases: string[]): string[] => findPhrases(text, phrases).map((m) => m.key);

describe("tokenize", () => {
  it("keeps each word's offsets in the original text", () => {
    const text = "قال الإنتربولُ، في «ليون»: INTERPOL ٢٠١٧!";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["قال", "الإنتربولُ", "في", "ليون", "INTERPOL", "٢٠١٧"]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((t) => t.kind)).toEqual(["arabic", "arabic", "arabic", "arabic", "latin", "number"]);
    expect(tokens[1]!.norm).toBe("الانتربول");
    expect(tokens[5]!.norm).toBe("2017");
  });

  it("splits Arabic from Latin and digits written against it", () => {
    expect(tokenize("وI-24/7 الـ34").map((t) => t.text)).toEqual(["و", "I", "24", "7", "الـ", "34"]);
    expect(tokenize("G20").map((t) => t.text)).toEqual(["G20"]);
  });

  it("treats Arabic punctuation as a boundary", () => {
    expect(tokenize("الأمم؛المتحدة؟نعم،لا").map((t) => t.norm)).toEqual(["الامم", "المتحده", "نعم", "لا"]);
  });

  it("keeps a word whole across a zero-width non-joiner", () => {
    const tokens = tokenize("می\u200Cخواهم x");
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.text).toBe("می\u200Cخواهم");
  });

  it("reads presentation forms as Arabic words", () => {
    const tokens = tokenize("\uFE8D\uFEF9\uFEE7\uFE98\uFEAE\uFE91\uFEEE\uFEDD");
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.norm).toBe("الانتربول");
  });

  it.each([
    ['لـ"الإنتربول"', "للانتربول"],
    ["لـ’’الإنتربول‘‘", "للانتربول"],
    ["لـ «الإنتربول»", "للانتربول"],
    ['و"الإنتربول"', "والانتربول"],
    ["بـ(الإنتربول)", "بالانتربول"],
    ["لـالإنتربول", "للانتربول"],
    ['لـ"اللجنة"', "للجنه"],
  ])("joins a prefix set off by tatweel or quotes: %s", (text, norm) => {
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.norm).toBe(norm);
    expect(tokens[0]!.start).toBe(0);
  });

  it("does not join a free-standing word to a quotation", () => {
    expect(tokenize('قال "الإنتربول"').map((t) => t.norm)).toEqual(["قال", "الانتربول"]);
    expect(tokenize('و "الإنتربول"').map((t) => t.norm)).toEqual(["و", "الانتربول"]);
  });
});

describe("clitics", () => {
  it("recognises prefix-only fragments", () => {
    for (const prefix of ["و", "ف", "ب", "ك", "ل", "ال", "لل", "وال", "بال", "كال", "فال", "ولل", "وب", "فل"]) {
      expect(isCliticPrefix(prefix), prefix).toBe(true);
    }
    for (const word of ["من", "الا", "بب", "", "وو"]) expect(isCliticPrefix(word), word).toBe(false);
  });

  it("attaches a prefix as Arabic spells it", () => {
    expect(attachClitic("ل", "الانتربول")).toBe("للانتربول");
    expect(attachClitic("ل", "اللجنه")).toBe("للجنه");
    expect(attachClitic("و", "الامم")).toBe("والامم");
    expect(attachClitic("بال", "الامم")).toBe("بالامم");
  });

  it.each([
    ["للانتربول", "الانتربول"],
    ["والانتربول", "الانتربول"],
    ["بالانتربول", "الانتربول"],
    ["كالانتربول", "الانتربول"],
    ["فالانتربول", "الانتربول"],
    ["وللانتربول", "الانتربول"],
    ["فللانتربول", "الانتربول"],
    ["للجنه", "اللجنه"],
    ["وللجنه", "اللجنه"],
    ["لمكتب", "مكتب"],
    ["ومنظمه", "منظمه"],
    ["الانتربول", "انتربول"],
  ])("%s can be %s", (word, stem) => {
    expect(cliticStems(word)).toContain(stem);
  });

  it("lists the word itself first and never a stem shorter than two letters", () => {
    const stems = cliticStems("وله");
    expect(stems[0]).toBe("وله");
    for (const stem of stems) expect(stem.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the article when asked", () => {
    expect(cliticStems("والمنظمه", { stripArticle: false })).toContain("المنظمه");
    expect(cliticStems("والمنظمه", { stripArticle: false })).not.toContain("منظمه");
  });
});

describe("findPhrases: attached prefixes and quotes", () => {
  const name = ["الإنتربول"];
  it.each([
    "الإنتربول",
    "للإنتربول",
    "والإنتربول",
    "بالإنتربول",
    "وللإنتربول",
    "كالإنتربول",
    "فالإنتربول",
    "فللإنتربول",
    'لـ"الإنتربول"',
    "لـ’’الإنتربول‘‘",
    "و«الإنتربول»",
    "«الإنتربول»",
  ])("finds الإنتربول in: %s", (form) => {
    const text = `قال ${form} اليوم`;
    const matches = findPhrases(text, name);
    expect(matches).toHaveLength(1);
    const span = text.slice(matches[0]!.start, matches[0]!.end);
    expect(form).toContain(span);
    expect(span.endsWith("الإنتربول".slice(1))).toBe(true);
  });

  it("finds a name listed without the article when it is written with one", () => {
    expect(keys("دور الإنتربول", ["إنتربول"])).toEqual(["إنتربول"]);
    expect(keys("دور للإنتربول", ["إنتربول"])).toEqual(["إنتربول"]);
  });

  it("finds a name that starts with اللـ after ل", () => {
    expect(keys("الدورة 34 للجنة منع الجريمة", ["لجنة منع الجريمة"])).toHaveLength(1);
    expect(keys("وللجنة الوطنية القطرية دور", ["اللجنة الوطنية القطرية"])).toHaveLength(1);
  });

  it("reports the span of the whole written form, prefix included", () => {
    const text = "رئيس وللإنتربول دور";
    const [match] = findPhrases(text, ["الإنتربول"]);
    expect(match).toMatchObject({ start: 5, end: 15, text: "وللإنتربول" });
  });
});

describe("findPhrases: spelling", () => {
  it("ignores diacritics, tatweel and hamza", () => {
    expect(keys("في الإِنْتَرْبُول", ["الانتربول"])).toHaveLength(1);
    expect(keys("في الإنتـــربول", ["الإنتربول"])).toHaveLength(1);
    expect(keys("في الأنتربول", ["الإنتربول"])).toHaveLength(1);
    expect(keys("في الانتربول", ["الإنتربول"])).toHaveLength(1);
  });

  it("ignores ta marbuta / ha and alef maqsura / ya", () => {
    expect(keys("أعلنت منظمه العمل الدوليه", ["منظمة العمل الدولية"])).toHaveLength(1);
    expect(keys("مستشفي الهلال", ["مستشفى الهلال"])).toHaveLength(1);
  });

  it("ignores Arabic-Indic, Persian and ASCII digit differences", () => {
    expect(keys("قمة مجموعة ٢٠ في", ["مجموعة 20"])).toHaveLength(1);
    expect(keys("قمة مجموعة ۲۰ في", ["مجموعة 20"])).toHaveLength(1);
  });

  it("ignores Persian yeh and kaf", () => {
    expect(keys("الاتحاد الأوروبی", ["الاتحاد الأوروبي"])).toHaveLength(1);
    expect(keys("مکتب الأمم", ["مكتب الأمم"])).toHaveLength(1);
  });

  it("matches presentation forms", () => {
    expect(keys("في \uFE8D\uFEF9\uFEE7\uFE98\uFEAE\uFE91\uFEEE\uFEDD اليوم", ["الإنتربول"])).toHaveLength(1);
  });
});

describe("findPhrases: word boundaries", () => {
  it("does not find a name inside a longer word", () => {
    expect(keys("الإنتربوليون", ["الإنتربول"])).toEqual([]);
    expect(keys("الشرطة الاتحادية", ["الاتحاد"])).toEqual([]);
    expect(keys("المسؤول الأممي", ["الأمم"])).toEqual([]);
    expect(keys("مالإنتربول", ["الإنتربول"])).toEqual([]);
  });

  it("only lets prefixes onto the first word of a phrase", () => {
    expect(keys("الأمم والمتحدة", ["الأمم المتحدة"])).toEqual([]);
    expect(keys("والأمم المتحدة", ["الأمم المتحدة"])).toHaveLength(1);
  });

  it("does not match across punctuation or a blank line, but does across a line break", () => {
    expect(keys("الأمم، المتحدة", ["الأمم المتحدة"])).toEqual([]);
    expect(keys("الأمم.\nالمتحدة", ["الأمم المتحدة"])).toEqual([]);
    expect(keys("الأمم\n\nالمتحدة", ["الأمم المتحدة"])).toEqual([]);
    expect(keys("الأمم\nالمتحدة", ["الأمم المتحدة"])).toHaveLength(1);
    expect(keys("الأمم   المتحدة", ["الأمم المتحدة"])).toHaveLength(1);
  });

  it("requires the punctuation written inside a phrase", () => {
    const phrase = ["المقررة الخاصة، لا سيما"];
    expect(keys("المقررة الخاصة، لا سيما", phrase)).toHaveLength(1);
    expect(keys("المقررة الخاصة لا سيما", phrase)).toEqual([]);
    expect(keys("the ICPO-INTERPOL network", ["ICPO-INTERPOL"])).toHaveLength(1);
    expect(keys("the ICPO INTERPOL network", ["ICPO-INTERPOL"])).toEqual([]);
  });
});

describe("findPhrases: longest match wins", () => {
  const index = buildPhraseIndex([
    { key: "un", phrase: "الأمم المتحدة" },
    { key: "unodc", phrase: "مكتب الأمم المتحدة المعني بالمخدرات والجريمة" },
    { key: "unga", phrase: "الجمعية العامة للأمم المتحدة" },
  ]);

  it("gives the words of a nested name to the longest name", () => {
    const text = "قال مكتب الأمم المتحدة المعني بالمخدرات والجريمة إن الجمعية العامة للأمم المتحدة والأمم المتحدة";
    expect(findPhrases(text, index).map((m) => m.key)).toEqual(["unodc", "unga", "un"]);
  });

  it("still lists every overlapping match on request", () => {
    const text = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة";
    expect(findAllPhrases(text, index).map((m) => m.key).sort()).toEqual(["un", "unodc"]);
  });

  it("reuses one index for many texts and accepts pre-tokenized text", () => {
    const text = "والأمم المتحدة";
    expect(findPhrases({ text, tokens: tokenize(text) }, index)).toHaveLength(1);
    expect(findPhrases("لا شيء هنا", index)).toEqual([]);
    expect(index.size).toBe(3);
  });
});

describe("findPhrases: Latin", () => {
  const index = new PhraseIndex([
    { key: "unodc", phrase: "UNODC", mode: "exact" },
    { key: "eu", phrase: "EU", mode: "exact" },
    { key: "eu", phrase: "European Union" },
  ]);
  const found = (text: string): string[] => findPhrases(text, index).map((m) => m.key);

  it("matches acronyms case-sensitively as whole words", () => {
    expect(found("the UNODC report")).toEqual(["unodc"]);
    expect(found("the unodc report")).toEqual([]);
    expect(found("the UNODCs")).toEqual([]);
    expect(found("EURO and eu")).toEqual([]);
    expect(found("تقرير UNODC عن EU")).toEqual(["unodc", "eu"]);
    expect(found("وUNODC")).toEqual(["unodc"]);
  });

  it("matches Latin names ignoring case", () => {
    expect(found("the EUROPEAN UNION and the european union")).toEqual(["eu", "eu"]);
    expect(found("the European Unions")).toEqual([]);
  });
});
