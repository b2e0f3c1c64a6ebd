// records.ts prepares the index text word by word with a memo around the
// rules of words.ts; it must give what indexText() and alternativeSpellings() give.
import { describe, expect, it } from "vitest";
import type { Organisation } from "../../../src/enrich/organisations.ts";
import { indexedNames, indexTextOf, organisationNames } from "../../../src/search/records.ts";
import { alternativeSpellings, indexText } from "../../../src/search/words.ts";

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

  it("gathers what alternativeSpellings() finds", () => {
    for (const text of texts(3000)) {
      const spellings = new Set<string>();
      indexTextOf(text, spellings);
      expect([...spellings].sort()).toEqual(alternativeSpellings(text));
    }
  });
});

describe("indexedNames", () => {
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
  const expected = (organisations: Organisation[]): string | null => {
    const names = [...new Set(organisations.flatMap(organisationNames))];
    return names.length > 0 ? indexText(names.join(" ")) : null;
  };

  it("is indexText() of the distinct names of the organisations, in order", () => {
    const a = organisation("a", ["والأمم المتحدة", "الأمم المتحدة", "الأمم المتحدة"], ["UN"]);
    const b = organisation("b", ["الخطة الوطنية", "«الخطة»"], ["B~"]);
    const c = organisation("c", ["الأمم المتحدة", "سي"]); // shares a name with a: prepared together
    for (const list of [[], [a], [b, a], [a, b], [a, c], [c, b, a]]) expect(indexedNames(list)).toBe(expected(list));
  });
});
