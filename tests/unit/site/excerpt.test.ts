import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { excerpt } from "../../../src/site/views.ts";

/** The definition excerpt() keeps: flatten the whole text, then cut at a word boundary. */
function excerptOfWholeText(text: string, length = 220): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2)).trim()}…`;
}

const contentDir = join(import.meta.dirname, "../../../content");
const texts = readdirSync(contentDir)
  .filter((file) => file.endsWith(".txt"))
  .map((file) => readFileSync(join(contentDir, file), "utf8"));

describe("excerpt", () => {
  it("cuts the default corpus's texts at a word boundary with an ellipsis", () => {
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      const cut = excerpt(text);
      expect(cut.endsWith("…")).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(221);
      expect(text.replace(/\s+/g, " ")).toContain(cut.slice(0, -1));
    }
  });

  it("gives what flattening the whole text gives, however much white space the opening holds", () => {
    const word = "الاتجار ";
    const cases = [
      ...texts,
      "",
      "   \n\n  ",
      "قصير",
      "كلمة ".repeat(44), // exactly 220 characters once trimmed
      "كلمة ".repeat(45),
      `${" \n\t".repeat(600)}${word.repeat(60)}`, // white space longer than the first slice
      word.repeat(30).replaceAll(" ", " \n \n \n \n \n \n \n \n "), // runs of white space that shrink 18 to 1
      "ب".repeat(1000), // one long word: cut at half the length
      `${"ب".repeat(219)} ${"ت".repeat(500)}`,
    ];
    for (const text of cases) {
      for (const length of [220, 10, 7]) expect(excerpt(text, length)).toBe(excerptOfWholeText(text, length));
    }
  });
});
