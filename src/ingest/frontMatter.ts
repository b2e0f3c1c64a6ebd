// Optional YAML front matter at the top of a text: `---` lines around YAML.
import { parse as parseYaml, YAMLParseError } from "yaml";

export interface FrontMatterSplit {
  data: Record<string, unknown>;
  body: string;
  /** How many lines the front matter took, so body line numbers map back to the file. */
  bodyLineOffset: number;
  /** The file line of each top-level key, so problems with a value can point at it. */
  keyLines: Record<string, number>;
}

export type FrontMatterResult =
  | ({ ok: true } & FrontMatterSplit)
  | { ok: false; line: number; problem: string; fix: string };

const OPENING = /^---[ \t]*\n/;
const CLOSING = /\n---[ \t]*(\n|$)/;

/** Top-level `key:` lines of the YAML, as file lines (line 1 is the opening ---). */
function keyLinesOf(yamlText: string): Record<string, number> {
  const lines: Record<string, number> = {};
  yamlText.split("\n").forEach((line, index) => {
    const key = /^(["']?)([^\s#"':][^"':]*?)\1[ \t]*:(?:\s|$)/.exec(line)?.[2];
    if (key !== undefined && !(key in lines)) lines[key] = index + 2;
  });
  return lines;
}

export function splitFrontMatter(text: string): FrontMatterResult {
  if (!OPENING.test(text)) return { ok: true, data: {}, body: text, bodyLineOffset: 0, keyLines: {} };
  const afterOpening = text.replace(OPENING, "");
  const closing = CLOSING.exec(afterOpening);
  if (!closing) {
    return {
      ok: false,
      line: 1,
      problem: "front matter starts with --- but never ends",
      fix: "add a line with only --- after the front matter",
    };
  }
  const yamlText = afterOpening.slice(0, closing.index);
  const body = afterOpening.slice(closing.index + closing[0].length);
  const bodyLineOffset = yamlText.split("\n").length + 2;
  try {
    const parsed: unknown = parseYaml(yamlText) ?? {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
      return { ok: false, line: 2, problem: "front matter is not a set of `key: value` lines", fix: "write it as `key: value` lines, e.g. `title: ...`" };
    }
    return { ok: true, data: parsed as Record<string, unknown>, body, bodyLineOffset, keyLines: keyLinesOf(yamlText) };
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 2;
    // The parser's own position counts from the first YAML line; ours (above) is the file's line.
    const message = (error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)).replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, line, problem: `front matter is not valid YAML (${message})`, fix: "correct the YAML between the --- lines; quote values that contain a colon" };
  }
}
