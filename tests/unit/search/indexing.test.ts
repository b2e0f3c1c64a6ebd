// records.ts prepares the index text word by word with a memo around the
// rules of words.ts; it must give what indexText() gives.
import { describe, expect, it } from "vitest";
import type { Organisation } from "../../../src/enrich/organisations.ts";
import { indexTextOf, missingNameWords } from "../../../src/search/records.ts";
import { decodeIndexText, indexText, searchableCore } from "../../../src/search/words.ts";

/** Deterministic texts from pieces that exercise every rule of words.ts. */
function texts(count: number): string[] {
  const pieces = [
    "والإرهاب", "الـ34", "وSTOP", "الخطة", "الخطةُ", "والد", "فالح", "للإنتربول", "«الأمم»", "اتجار،", "’’الانتربول‘‘",
    "~", "<b>", "&", "\u200F", "\u00AD", "\uFEFF", "\u00A0", "\u2003", "\u3000", " ", "  ", "\n", "\t", "😀", "𝐀", "\uD835",
    "ـ", "\u064E", "ٱ", "ی", "٣٤", "G20", "I-24/7", "ة", "بالمدرسة.", "فالمدرسة", "وال", "2019-2023",
  ];
  let seed = 11;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: string[] = ["", " ", "\n\n", "كلمة"];
  for (let n = 0; n < count; n++) {
    let text = "";
    const length = Math.floor(random() * 12);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
    out.push(text);
  }
  return out;
}

describe("indexTextOf", () => {
  it("is indexText()", () => {
    for (const text of texts(3000)) expect(indexTextOf(text)).toBe(indexText(text));
  });

  it("gathers the searchable cores of the words", () => {
    for (const text of texts(3000)) {
      const cores = new Set<string>();
      indexTextOf(text, { cores });
      const words = text.split(/\s+/).filter((word) => word !== "");
      expect([...cores].sort()).toEqual([...new Set(words.map((word) => searchableCore(word).toLowerCase()))].sort());
    }
  });
});

describe("missingNameWords", () => {
  const organisation = (id: string, names: string[], acronyms: string[] = []): Organisation => ({
    id,
    name_ar: names[0] ?? "",
    short_ar: names[1] ?? "",
    variants_ar: names.slice(2),
    name_en: `${id} name`,
    names_latin: [],
    acronyms,
    type: "un",
  });
  const present = (text: string): Set<string> => {
    const cores = new Set<string>();
    indexTextOf(text, { cores });
    return cores;
  };
  const un = organisation("un", ["منظمة الأمم المتحدة", "الأمم المتحدة"], ["UN"]);
  const interpol = organisation("interpol", ["المنظمة الدولية للشرطة الجنائية", "الإنتربول", "«الإنتربول»"], ["INTERPOL"]);

  it("gives each word of the names once, in index text, when the document holds none of them", () => {
    expect(decodeIndexText(missingNameWords([un, interpol], present("نص آخر")) ?? "").split(" ")).toEqual([
      "منظمة", "الأمم", "المتحدة", "un", "name", "المنظمة", "الدولية", "للشرطة", "الجنائية", "الإنتربول", "interpol",
    ]);
    expect(missingNameWords([], present("نص"))).toBeNull();
  });

  it("leaves out the words the document already holds, as Pagefind indexes them", () => {
    // «الإنتربول», ،الأمم and UN are the same words to Pagefind as الإنتربول, الأمم and un.
    const words = decodeIndexText(missingNameWords([un, interpol], present("قال «الإنتربول» إن ،الأمم المتحدة UN name")) ?? "").split(" ");
    // It writes Arabic names of both, so the words of their other Arabic names are not added (see the next test).
    expect(words).toEqual(["interpol"]);
    expect(missingNameWords([un], present("منظمة الأمم المتحدة UN un name"))).toBeNull();
  });

  it("adds the words of the other Arabic names only when the document names the organisation in another script", () => {
    // اليونيسف written: "الأمم المتحدة" must not find the document through منظمة الأمم المتحدة للطفولة.
    const unicef = organisation("unicef", ["منظمة الأمم المتحدة للطفولة", "اليونيسف"], ["UNICEF"]);
    expect(decodeIndexText(missingNameWords([unicef], present("أطلقت اليونيسف خطة")) ?? "").split(" ")).toEqual(["unicef", "name"]);
    expect(decodeIndexText(missingNameWords([unicef], present("أطلقت UNICEF خطة")) ?? "").split(" ")).toEqual([
      "منظمة", "الأمم", "المتحدة", "للطفولة", "اليونيسف", "name",
    ]);
  });
});
