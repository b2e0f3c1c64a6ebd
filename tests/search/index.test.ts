// The written search index, read back from the build output: no junk words,
// only documents, the same bytes on every build.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixturesDir, type BuildRun } from "../support/build.ts";
import { indexWords, readFragment } from "../../src/search/indexFiles.ts";

let first: BuildRun;
let second: BuildRun;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function digest(run: BuildRun, under: string): Record<string, string> {
  const root = join(run.output, under);
  return Object.fromEntries(files(root).map((file) => [relative(root, file), createHash("sha256").update(readFileSync(file)).digest("hex")]));
}

function words(run: BuildRun): string[] {
  const dir = join(run.output, "pagefind/index");
  return readdirSync(dir).flatMap((file) => indexWords(readFileSync(join(dir, file))));
}

beforeAll(() => {
  const corpus = join(fixturesDir, "search-corpus");
  first = buildSite(corpus);
  second = buildSite(corpus);
  for (const run of [first, second]) if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
});

describe("the built search index", () => {
  it("holds no word with punctuation, quotes or invisible characters stuck to it", () => {
    const all = words(first);
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter((word) => /[^\p{L}\p{N}\p{M}]/u.test(word))).toEqual([]);
  });

  it("holds no وال/فال word and no number glued to الـ", () => {
    const all = words(first);
    expect(all).toContain("34");
    expect(all.filter((word) => /^ال[0-9]/.test(word))).toEqual([]);
    // والد (father) is a word of its own and stays.
    expect(all.filter((word) => /^[وف]ال/.test(word) && word !== "والد")).toEqual([]);
  });

  it("indexes the documents and nothing else", () => {
    const dir = join(first.output, "pagefind/fragment");
    const urls = readdirSync(dir).map((file) => readFragment(readFileSync(join(dir, file))).url).sort();
    const slugs = readdirSync(join(fixturesDir, "search-corpus")).map((file) => `/documents/${file.replace(/\.(txt|md)$/, "")}/`).sort();
    expect(urls).toEqual(slugs);
  });

  it("ships only the Pagefind files the search UI uses", () => {
    const shipped = readdirSync(join(first.output, "pagefind"));
    expect(shipped).toContain("pagefind.js");
    expect(shipped.filter((name) => /ui|highlight|playground/.test(name))).toEqual([]);
  });

  it("is byte-identical from one build to the next", () => {
    expect(digest(second, "pagefind")).toEqual(digest(first, "pagefind"));
    expect(digest(second, "assets/search")).toEqual(digest(first, "assets/search"));
  });
});
