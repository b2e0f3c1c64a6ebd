import { describe, expect, it } from "vitest";
import { arabicCharacters } from "../../../src/build/assets.ts";

/** The definition: every character of the Arabic script ranges, distinct and sorted. */
function reference(texts: string[]): string {
  const found = new Set<string>();
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/u;
  for (const text of texts) for (const character of text) if (arabic.test(character)) found.add(character);
  return [...found].sort().join("");
}

describe("arabicCharacters", () => {
  it("gives the distinct Arabic-script characters of the texts, sorted", () => {
    const texts = ["قال الإنتربولُ، في «ليون»: ٢٠١٧", "ﻻ ﷲ \u200C\u200D \u08A0 ݐ", "Latin only 123", "😀 𝐀 \uD835", ""];
    expect(arabicCharacters(texts)).toBe(reference(texts));
  });

  it("answers each call for its own texts only", () => {
    expect(arabicCharacters(["الاتجار"])).toBe(reference(["الاتجار"]));
    expect(arabicCharacters(["بشر"])).toBe(reference(["بشر"]));
    expect(arabicCharacters([])).toBe("");
  });

  it("covers every code unit of the BMP", () => {
    let all = "";
    for (let code = 0; code < 0x10000; code++) all += String.fromCharCode(code);
    expect(arabicCharacters([all])).toBe(reference([all]));
  });
});
