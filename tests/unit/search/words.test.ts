import { describe, expect, it } from "vitest";
import {
  decodeIndexText,
  escapeAll,
  indexText,
  indexWord,
  prepareQuery,
  queryVariants,
  searchableCore,
  searchVariants,
  splitPrefix,
} from "../../../src/search/words.ts";

/** What Pagefind keeps of a word for its index: letters, digits and marks only. */
const pagefindForm = (word: string): string => word.replace(/[^\p{L}\p{N}\p{M}]/gu, "");

describe("index text", () => {
  it.each([
    "والإرهاب، الـ34 ’’الانتربول‘‘ «منظمة» وSTOP والد",
    "“الاتجار بالبشر”، (قطر) I-24/7 A/RES/68/192 45٪…",
    "x~y ~~ <b>&amp;</b> \u200Cنص\u200F مع\u00A0فراغ",
    "لـ\"الإنتربول\" وَالقُصَّر فالمنظمة ٣٤ ١٢",
    "أکثر الکفیل منظمۀ الګفيل ﻛﺘﺎﺏ ﻻ ﷺ ككک یی",
  ])("decodes back to exactly the display text: %s", (text) => {
    expect(decodeIndexText(indexText(text))).toBe(text);
  });

  it("escapes any character and decodes it back", () => {
    for (const text of ["~", "a", "،", "😀", "\u0000"]) expect(decodeIndexText(escapeAll(text))).toBe(text);
    expect(escapeAll("~")).toBe("~~");
  });

  it("leaves only letters, digits and marks for Pagefind where the word is searched", () => {
    expect(pagefindForm(indexWord("والإرهاب،"))).toBe("الإرهاب");
    expect(pagefindForm(indexWord("الـ34"))).toBe("34");
    expect(pagefindForm(indexWord("’’الانتربول‘‘"))).toBe("الانتربول");
    expect(pagefindForm(indexWord("وSTOP"))).toBe("STOP");
    expect(pagefindForm(indexWord("لـ2030"))).toBe("2030");
    expect(pagefindForm(indexWord("فالنقل"))).toBe("النقل");
    expect(pagefindForm(indexWord("والقُصَّر"))).toBe("القُصَّر");
  });

  it("indexes Persian/Urdu letters and presentation forms as the Arabic letters a reader types", () => {
    expect(pagefindForm(indexWord("أکثر"))).toBe("أكثر");
    expect(pagefindForm(indexWord("الکفیل،"))).toBe("الكفيل");
    expect(pagefindForm(indexWord("والکفیل"))).toBe("الكفيل");
    expect(pagefindForm(indexWord("ﻛﺘﺎﺏ"))).toBe("كتاب");
    expect(pagefindForm(indexWord("منظمۀ"))).toBe("منظمة");
  });

  it("keeps the escapes that restore Persian letters at the word's end, where Pagefind makes no extra word of them", () => {
    // Pagefind also indexes the pieces between punctuation inside a word (الك and فال of الك~....فالة).
    for (const word of ["الکفالة", "الکفیل،", "ﻛﺘﺎﺏ", "«أکثر»"]) {
      const [, letters = ""] = /^[^\p{L}]*([\p{L}\p{M}]+)/u.exec(indexWord(word)) ?? [];
      expect(letters).toBe(searchableCore(word));
    }
  });

  it("puts no non-ASCII punctuation where Pagefind would keep it as a word part", () => {
    for (const word of ["اتجار،", "«منظمة»", "التسوّل؛", "عشرة…", "45٪"]) {
      expect(indexWord(word)).toMatch(/^[\p{L}\p{N}\p{M}\x21-\x7E]+$/u);
    }
  });

  it("keeps < > & out of the index text so an excerpt can be split on <mark>", () => {
    expect(indexText("<mark> a&b")).not.toMatch(/[<>&]/);
  });

  it("leaves words it has no reason to touch as they are", () => {
    for (const word of ["الإرهاب", "مكافحة", "INTERPOL", "2017", "(قطر)", "I-24/7"]) expect(indexWord(word)).toBe(word);
  });
});

describe("prefixes split off a word", () => {
  it.each([
    ["والإرهاب", "و", "الإرهاب"],
    ["فالمنظمة", "ف", "المنظمة"],
    ["وَالتَّعليم", "وَ", "التَّعليم"],
    ["الـ34", "الـ", "34"],
    ["ال34", "ال", "34"],
    ["والـ15", "والـ", "15"],
    ["لـ٢٠٣٠", "لـ", "٢٠٣٠"],
    ["وSTOP", "و", "STOP"],
    ["الإرهاب", "", "الإرهاب"],
    ["والد", "", "والد"],
    ["لتهريب", "ل", "تهريب"],
    ["ولمكافحة", "ول", "مكافحة"],
    ["لِتعزيز", "لِ", "تعزيز"],
    ["لجنة", "", "لجنة"],
    ["لاجئين", "", "لاجئين"],
    ["لمدة", "", "لمدة"],
    ["لمسات", "", "لمسات"],
    ["للتهريب", "", "للتهريب"],
    ["والدة", "", "والدة"],
    ["والي", "", "والي"],
    ["وال", "", "وال"],
    ["34", "", "34"],
  ])("%s -> %s + %s", (word, prefix, rest) => {
    expect(splitPrefix(word)).toEqual([prefix, rest]);
  });
});

describe("query preparation", () => {
  it.each([
    ["والإرهاب", "الإرهاب"],
    ["الـ34", '"34"'],
    ["34", '"34"'],
    ["٣٤", '"٣٤"'],
    ["اتجار،", "اتجار"],
    ["’’الانتربول‘‘", "الانتربول"],
    ["«القصر الرئاسي»", '"القصر الرئاسي"'],
    ['"الدورة الـ34"', '"الدورة 34"'],
    ["  مكافحة   الاتجار ", "مكافحة الاتجار"],
    ['"غير مغلق', "غير مغلق"],
    ["،؛…", ""],
    ["INTERPOL الدوحة", "INTERPOL الدوحة"],
    ["أکثر الکفیل", "أكثر الكفيل"],
    ['"لتهریب المهاجرین"', '"تهريب المهاجرين"'],
  ])("%s -> %s", (query, prepared) => {
    expect(prepareQuery(query)).toBe(prepared);
  });

  it("prepares a word the way the index prepared it", () => {
    for (const word of ["والإرهاب،", "الـ34", "«الانتربول»", "فالنقل", "وSTOP", "والکفیل", "ﻛﺘﺎﺏ"]) {
      expect(searchableCore(word)).toBe(pagefindForm(indexWord(word)));
    }
  });
});

describe("queryVariants", () => {
  it("also asks for ta marbuta where a word ends in heh, every combination of the first three such words", () => {
    expect(queryVariants("الخطه")).toEqual(["الخطه", "الخطة"]);
    expect(queryVariants("الخطه الوطنيه")).toEqual(["الخطه الوطنيه", "الخطة الوطنيه", "الخطه الوطنية", "الخطة الوطنية"]);
    expect(queryVariants('"تنفيذ الخطه"')).toEqual(['"تنفيذ الخطه"', '"تنفيذ الخطة"']);
    // Diacritics after the heh stay with it.
    expect(queryVariants("المنظمهُ")).toEqual(["المنظمهُ", "المنظمةُ"]);
    const four = queryVariants("كلمه ثانيه ثالثه رابعه");
    expect(four).toHaveLength(8);
    expect(four.every((variant) => variant.endsWith(" رابعه"))).toBe(true);
    expect(new Set(four).size).toBe(8);
  });

  it("leaves a query with no word ending in heh as it is", () => {
    expect(queryVariants("الخطة الوطنية")).toEqual(["الخطة الوطنية"]);
    expect(queryVariants("")).toEqual([""]);
  });
});

describe("searchVariants", () => {
  const index: Record<string, { id: string; score: number }[]> = {
    الخطه: [{ id: "a", score: 1 }],
    الخطة: [
      { id: "b", score: 3 },
      { id: "a", score: 2 },
    ],
  };

  it("searches every variant and merges the results: each page once, at its best score, best first", async () => {
    const asked: string[] = [];
    const search = async (term: string) => {
      asked.push(term);
      return { results: index[term] ?? [] };
    };
    expect(await searchVariants(search, "الخطه")).toEqual([
      { id: "b", score: 3 },
      { id: "a", score: 2 },
    ]);
    expect(asked).toEqual(["الخطه", "الخطة"]);
  });

  it("gives null when every search was superseded (Pagefind answers null)", async () => {
    expect(await searchVariants(async () => null, "الخطه")).toBeNull();
  });
});
