// Shared by the text tests: the repository's furniture rules and the seeds.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ParsedText } from "../../../src/model.ts";
import { readFurnitureRules, type FurnitureRules } from "../../../src/text/furniture.ts";

export const DATA_DIR = fileURLToPath(new URL("../../../content/_data/", import.meta.url));
export const SEEDS_DIR = new URL("../../fixtures/seeds/", import.meta.url);

export function repoRules(): FurnitureRules {
  return readFurnitureRules(DATA_DIR);
}

export function readSeed(name: string): string {
  return readFileSync(new URL(name, SEEDS_DIR), "utf8");
}

/** 1-based numbers of the non-blank lines of a body. */
export function nonBlankLines(body: string): number[] {
  return body
    .split("\n")
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== "")
    .map(({ line }) => line);
}

/**
 * How many places the parse put lines in: the title (when it came from the
 * text), each non-list block, each list item, each removed line.
 */
export function placedLineCount(parsed: ParsedText): number {
  const items = parsed.blocks.reduce((sum, block) => sum + (block.kind === "list" ? block.items.length : 1), 0);
  return items + parsed.removed.length + (parsed.titleSource === "text" ? 1 : 0);
}

/** Line numbers the parse names: title line, block lines, removed lines; all must be distinct. */
export function namedLines(parsed: ParsedText): number[] {
  const lines = [...parsed.blocks.map((block) => block.line), ...parsed.removed.map((removed) => removed.line)];
  if (parsed.titleLine !== undefined) lines.push(parsed.titleLine);
  return lines.sort((a, b) => a - b);
}
