// Page furniture: lines a web page wraps around an article ("share",
// "related news", image file residue) that a text copied from the page still
// carries. The rules live in content/_data/furniture.yaml so maintainers can
// add a line without touching code; this module reads, validates and applies
// them.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { normalizeArabic } from "../arabic/normalize.ts";
import { stripBidiControls } from "./bidi.ts";

/** A rule that removes whole lines equal (after normalisation) to one of its texts. */
export interface LineRule {
  kind: "lines";
  name: string;
  /** Comparison keys of the texts, see furnitureKey. */
  keys: ReadonlySet<string>;
  /** The line stands for an image, so the line after it may be the caption. */
  image: boolean;
}

/** A rule that removes lines matching a regular expression. */
export interface PatternRule {
  kind: "pattern";
  name: string;
  regex: RegExp;
  image: boolean;
}

export type FurnitureRule = LineRule | PatternRule;

export interface FurnitureRules {
  rules: readonly FurnitureRule[];
}

export interface FurnitureMatch {
  rule: string;
  image: boolean;
  /** Caption text read from image residue (the pattern's "caption" group), if any. */
  caption?: string;
}

const RULE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const ALLOWED_FLAGS = /^i?$/;
const TRAILING_PUNCTUATION = /[\s:：.。،,؛;…\-–—|»«]+$/u;

/**
 * The form a line takes for comparison with a furniture text: bidi marks
 * removed, normalised with normalizeArabic, trailing punctuation such as the
 * colon of "انظر أيضا:" dropped.
 */
export function furnitureKey(text: string): string {
  return normalizeArabic(stripBidiControls(text)).replace(TRAILING_PUNCTUATION, "");
}

/** Parse and validate the YAML text of furniture.yaml. Throws a message naming the bad rule. */
export function loadFurnitureRules(yamlText: string): FurnitureRules {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`furniture rules: the YAML does not parse: ${errorMessage(error)}`, { cause: error });
  }
  if (!isRecord(data) || !Array.isArray(data.rules)) {
    throw new Error('furniture rules: expected a top-level "rules:" list');
  }
  const rules = data.rules.map((raw: unknown, index: number) => toRule(raw, index));
  rejectDuplicateNames(rules);
  return { rules };
}

/** Read and validate furniture.yaml from a data folder (content/_data). */
export function readFurnitureRules(dataDir: string): FurnitureRules {
  const path = join(dataDir, "furniture.yaml");
  return loadFurnitureRules(readFileSync(path, "utf8"));
}

/**
 * The fewest characters furnitureKey(text) can have: the ASCII letters and
 * digits and the Arabic letters (U+0621-U+063F, U+0641-U+064A) of the text.
 * Each of them stays one character through every step of the key (NFC,
 * presentation forms, removed marks and invisibles, digits, letter folding,
 * lower case, spaces, trailing punctuation), and no step joins two of them.
 * Counting stops once it passes `enough`.
 */
export function keyLengthAtLeast(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= enough; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) count++;
    } else if ((code >= 0x0621 && code <= 0x063f) || (code >= 0x0641 && code <= 0x064a)) {
      count++;
    }
  }
  return count;
}

/** The longest comparison key of a rules object's line rules (a line with a longer key is never one of them). */
const longestKeys = new WeakMap<FurnitureRules, number>();

function longestKey(furniture: FurnitureRules): number {
  let longest = longestKeys.get(furniture);
  if (longest === undefined) {
    longest = 0;
    for (const rule of furniture.rules) if (rule.kind === "lines") for (const key of rule.keys) longest = Math.max(longest, key.length);
    longestKeys.set(furniture, longest);
  }
  return longest;
}

/** The first rule that matches a line, or undefined when the line is content. */
export function matchFurniture(line: string, furniture: FurnitureRules): FurnitureMatch | undefined {
  return matchCleanLine(stripBidiControls(line).trim(), furniture);
}

/** matchFurniture() of a line already without bidi controls and trimmed. */
export function matchCleanLine(trimmed: string, furniture: FurnitureRules): FurnitureMatch | undefined {
  if (trimmed === "") return undefined;
  // Most lines are paragraphs, far longer than any listed line: their key
  // (a normalisation of the whole line) is only worked out when it could match.
  const longest = longestKey(furniture);
  const key = keyLengthAtLeast(trimmed, longest) > longest ? null : furnitureKey(trimmed);
  for (const rule of furniture.rules) {
    const match = matchRule(rule, trimmed, key);
    if (match) return match;
  }
  return undefined;
}

function matchRule(rule: FurnitureRule, trimmed: string, key: string | null): FurnitureMatch | undefined {
  if (rule.kind === "lines") {
    return key !== null && rule.keys.has(key) ? { rule: rule.name, image: rule.image } : undefined;
  }
  const found = rule.regex.exec(trimmed);
  if (!found) return undefined;
  const caption = found.groups?.caption?.trim();
  return caption ? { rule: rule.name, image: rule.image, caption } : { rule: rule.name, image: rule.image };
}

function toRule(raw: unknown, index: number): FurnitureRule {
  const where = `furniture rule #${index + 1}`;
  if (!isRecord(raw)) throw new Error(`${where}: expected a mapping with "name" and "lines" or "pattern"`);
  const name = raw.name;
  if (typeof name !== "string" || !RULE_NAME.test(name)) {
    throw new Error(`${where}: "name" must be a lower-case-hyphenated word such as "related-news"`);
  }
  const label = `furniture rule "${name}" (#${index + 1})`;
  const image = raw.image ?? false;
  if (typeof image !== "boolean") throw new Error(`${label}: "image" must be true or false`);
  const hasLines = raw.lines !== undefined;
  const hasPattern = raw.pattern !== undefined;
  if (hasLines === hasPattern) throw new Error(`${label}: give exactly one of "lines" or "pattern"`);
  if (hasLines) return { kind: "lines", name, image, keys: toKeys(raw.lines, label) };
  return { kind: "pattern", name, image, regex: toRegex(raw.pattern, raw.flags, label) };
}

function toKeys(lines: unknown, label: string): Set<string> {
  if (!Array.isArray(lines) || lines.length === 0) {
    throw new Error(`${label}: "lines" must be a non-empty list of texts`);
  }
  const keys = new Set<string>();
  for (const line of lines) {
    const key = typeof line === "string" ? furnitureKey(line) : "";
    if (key === "") throw new Error(`${label}: every entry of "lines" must be a non-empty text`);
    keys.add(key);
  }
  return keys;
}

function toRegex(pattern: unknown, flags: unknown, label: string): RegExp {
  if (typeof pattern !== "string" || pattern.trim() === "") {
    throw new Error(`${label}: "pattern" must be a non-empty regular expression`);
  }
  const extra = flags ?? "";
  if (typeof extra !== "string" || !ALLOWED_FLAGS.test(extra)) {
    throw new Error(`${label}: "flags" may only be "i" (case-insensitive)`);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, `${extra}u`);
  } catch (error) {
    throw new Error(`${label}: the pattern is not a valid regular expression: ${errorMessage(error)}`, { cause: error });
  }
  if (regex.test("")) throw new Error(`${label}: the pattern matches an empty line; anchor it with ^ and $`);
  return regex;
}

function rejectDuplicateNames(rules: readonly FurnitureRule[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) throw new Error(`furniture rule "${rule.name}" is defined twice`);
    seen.add(rule.name);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
