// The parser against what a careful editor reads out of the five seed texts
// (tests/fixtures/seeds/expected.yaml, read at test time).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Block, ParsedText } from "../../../src/model.ts";
import { parseText } from "../../../src/text/parse.ts";
import { SEEDS_DIR, namedLines, nonBlankLines, placedLineCount, readSeed, repoRules } from "./helpers.ts";

interface SeedExpectation {
  title?: string;
  removed_furniture?: string[];
  headings_must?: string | string[];
  headings_should?: string[];
  lists_must?: string;
}

const expected = parseYaml(readFileSync(new URL("expected.yaml", SEEDS_DIR), "utf8")) as Record<string, SeedExpectation>;
const rules = repoRules();
const seeds = Object.keys(expected).sort();

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

function numberWord(word: string | undefined): number {
  const value = word === undefined ? undefined : NUMBER_WORDS[word.toLowerCase()];
  if (value === undefined) throw new Error(`expected.yaml: cannot read the number "${word}"`);
  return value;
}

/** "one list of six items" -> [6]; "two lists (four items, then seven items)" -> [4, 7]. */
function listShape(prose: string): { lists: number; items: number[] } {
  const lists = numberWord(/^(\w+) lists?\b/.exec(prose)?.[1]);
  const items = [...prose.matchAll(/(\w+) items/g)].map((match) => numberWord(match[1]));
  return { lists, items };
}

function headings(parsed: ParsedText): string[] {
  return parsed.blocks.filter((block) => block.kind === "heading").map((block) => block.text);
}

function lists(parsed: ParsedText): Extract<Block, { kind: "list" }>[] {
  return parsed.blocks.filter((block): block is Extract<Block, { kind: "list" }> => block.kind === "list");
}

describe("seed texts against expected.yaml", () => {
  it("has the five seeds", () => {
    expect(seeds).toHaveLength(5);
  });

  describe.each(seeds)("%s", (name) => {
    const body = readSeed(name);
    const want = expected[name] ?? {};
    const parsed = parseText(body, rules);

    it("gets the title and where it came from", () => {
      if (want.title === undefined || want.title.startsWith("none")) {
        expect(parsed.titleSource).toBe("inferred");
        expect(parsed.titleLine).toBeUndefined();
        expect(parsed.title.length).toBeGreaterThan(0);
        // The first line stays in the body.
        expect(parsed.blocks[0]?.line).toBe(1);
      } else {
        expect(parsed.title).toBe(want.title);
        expect(parsed.titleSource).toBe("text");
        expect(parsed.titleLine).toBe(1);
      }
    });

    it("removes exactly the furniture lines", () => {
      const removed = parsed.removed.map((line) => line.text);
      expect([...removed].sort()).toEqual([...(want.removed_furniture ?? [])].sort());
      for (const line of parsed.removed) {
        expect(body.split("\n")[line.line - 1]?.trim()).toBe(line.text);
        expect(line.rule).toMatch(/^[a-z-]+$/);
      }
    });

    it("finds the required and expected headings, and no others", () => {
      const found = headings(parsed);
      const wanted = [...(want.headings_should ?? [])];
      if (typeof want.headings_must === "string") {
        // "the five interview questions (lines ending in "؟")"
        const count = numberWord(/the (\w+) interview questions/.exec(want.headings_must)?.[1]);
        const questions = body.split("\n").map((line) => line.trim()).filter((line) => line.endsWith("؟"));
        expect(questions).toHaveLength(count);
        wanted.push(...questions);
      } else {
        wanted.push(...(want.headings_must ?? []));
      }
      expect(found).toEqual(expect.arrayContaining(wanted));
      expect(found).toHaveLength(wanted.length);
    });

    it("finds the lists with their item counts", () => {
      const shape = want.lists_must === undefined ? { lists: 0, items: [] } : listShape(want.lists_must);
      const found = lists(parsed);
      expect(found).toHaveLength(shape.lists);
      expect(found.map((list) => list.items.length)).toEqual(shape.items);
      for (const list of found) {
        expect(list.ordered).toBe(false);
        for (const item of list.items) expect(item).not.toMatch(/^[•\-*–\s]/);
      }
    });

    it("accounts for every non-blank line exactly once", () => {
      expect(placedLineCount(parsed)).toBe(nonBlankLines(body).length);
      const lines = namedLines(parsed);
      expect(new Set(lines).size).toBe(lines.length);
      for (const line of lines) expect(nonBlankLines(body)).toContain(line);
    });
  });
});

describe("seed details", () => {
  it("003: the line after the image residue is its caption, not a heading", () => {
    const parsed = parseText(readSeed("003_a4bc6a8948c916c0.txt"), rules);
    const caption = parsed.blocks.find((block) => block.kind === "caption");
    expect(caption).toEqual({
      kind: "caption",
      line: 8,
      text: "السفير المكلّف بمكافحة التهديدات الإجرامية العابرة للحدود الوطنية السيد جان كلود بروني",
    });
  });

  it("004: the line under the title is a standfirst and the Latin banner stays a paragraph", () => {
    const parsed = parseText(readSeed("004_7bbe2cc91ec4c16c.txt"), rules);
    expect(parsed.blocks[0]).toEqual({
      kind: "standfirst",
      line: 3,
      text: "نقوم بتدريب وتجهيز الشرطة لتحديد حالات الإتجار بالبشر والتحقيق فيها",
    });
    expect(parsed.blocks).toContainEqual({ kind: "paragraph", line: 20, text: "Human trafficking INTERPOL" });
  });

  it("000: the date line under the title stays a paragraph and quotes become guillemets", () => {
    const parsed = parseText(readSeed("000_25e03c8568d10b1f.txt"), rules);
    expect(parsed.blocks[0]).toEqual({ kind: "paragraph", line: 3, text: "٦ ديسمبر، ٢٠١٧" });
    const quoted = parsed.blocks.find((block) => block.line === 15);
    expect(quoted?.kind === "paragraph" && quoted.text).toMatch(/^وقال الدكتور النعيمي: «إن .*اجتماعية»\.$/);
    for (const block of parsed.blocks) {
      if (block.kind !== "list") expect(block.text).not.toMatch(/[’‘]/);
    }
  });

  it("001: single-newline paragraphs, the inferred title skips the dateline and the single quotes are typeset", () => {
    const parsed = parseText(readSeed("001_2a8e42f08ab2c562.txt"), rules);
    expect(parsed.title).toBe("يجتمع في الأرجنتين هذا الأسبوع خبراء من العالم أجمع للتفكير في سبل…");
    const first = parsed.blocks[0];
    expect(first?.kind === "paragraph" && first.text).toContain("سبل تقويض «نموذج عمل» المجموعات");
    expect(parsed.blocks.filter((block) => block.kind === "paragraph")).toHaveLength(13);
  });

  it("002: the inferred title is cut at twelve words with an ellipsis", () => {
    const parsed = parseText(readSeed("002_bb6b76f039611d3d.txt"), rules);
    expect(parsed.title).toBe("أكدت الأمم المتحدة ودول مجلس التعاون الخليجي عزمهم المشترك على مواجهة التحديات…");
  });
});
