// Shortcuts in the text stage: each must never change a result.
import { describe, expect, it } from "vitest";
import { furnitureKey, keyLengthAtLeast } from "../../../src/text/furniture.ts";
import { escapeHtml, isPlainArabic, renderInline } from "../../../src/text/inline.ts";
import { stripBidiControls } from "../../../src/text/bidi.ts";
import { hasAtMostWords, wordCount, words } from "../../../src/text/shape.ts";

describe("keyLengthAtLeast", () => {
  const counted: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    const character = String.fromCharCode(code);
    if (keyLengthAtLeast(character, 1) === 1) counted.push(character);
  }
  const between = ["", "\u0654", "\u0653", "\u0301", "\u064E", "\u200D", " ", "\uFEFB", ":"];

  it("counts only characters that stay one character each in furnitureKey()", () => {
    for (const a of counted) {
      for (const gap of between) {
        expect(furnitureKey(gap + a + gap).length).toBeGreaterThanOrEqual(1);
        for (const b of counted) expect(furnitureKey(a + gap + b).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("is never more than the key's length", () => {
    for (const line of ["شارك", "  Share:  ", "انظر أيضاً", "ﻻ إله", "Ａ1", "İstanbul", "الـــــأمم", "٣٤ كيلوبايت", "\u200Fحصة\u200F"]) {
      expect(keyLengthAtLeast(line, Infinity)).toBeLessThanOrEqual(furnitureKey(line).length);
    }
  });
});

describe("isPlainArabic", () => {
  it("lets through only characters that renderInline() leaves as they are", () => {
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      if (!isPlainArabic(character)) continue;
      expect(/\p{Script=Latin}/u.test(character)).toBe(false);
      expect(stripBidiControls(character)).toBe(character);
      expect(escapeHtml(character)).toBe(character);
    }
  });

  it("leaves plain Arabic text as it is", () => {
    const text = "قال «الإنتربول»، في ٢٠١٧: نعم – لا… (مرة) ١٢٣؟";
    expect(isPlainArabic(text)).toBe(true);
    expect(renderInline(text)).toBe(text);
  });
});

describe("word counts", () => {
  it("wordCount and hasAtMostWords agree with words()", () => {
    for (const text of ["", " ", "a", " a b ", "كلمة\u00A0كلمة", "a\u2003b\uFEFFc", "😀 𝐀", "one two three four"]) {
      expect(wordCount(text)).toBe(words(text).length);
      for (let most = 0; most < 5; most++) expect(hasAtMostWords(text, most)).toBe(words(text).length <= most);
    }
  });
});
