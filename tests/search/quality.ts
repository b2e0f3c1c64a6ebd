// The search quality suite's machinery: the queries file, running queries
// in Chromium through a Pagefind bundle, and recall/precision.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import * as pagefind from "pagefind";
import { buildSite, projectRoot, type BuildRun } from "../support/build.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveSite } from "../support/server.ts";

export interface QualityQuery {
  /** What the reader types. */
  q: string;
  /** Every document (slug) the query should find. */
  find: string[];
  /** Documents it must not return. */
  not?: string[];
  /** What the query checks. */
  case: string;
}

/** The queries of a file under tests/search (queries.yaml: the development corpus; heldout-queries.yaml: the held-out one). */
export function loadQueries(file = "queries.yaml"): QualityQuery[] {
  const raw = parse(readFileSync(join(projectRoot, "tests/search", file), "utf8")) as QualityQuery[];
  for (const entry of raw) {
    entry.find ??= [];
    if (typeof entry.q !== "string" || !Array.isArray(entry.find) || typeof entry.case !== "string") {
      throw new Error(`tests/search/${file}: malformed entry ${JSON.stringify(entry)}`);
    }
  }
  return raw;
}

/**
 * Run queries in the page through the Pagefind bundle at `bundle`. With
 * `wordsModule`, each query is searched as the search UI searches it: prepared
 * by its prepareQuery(), then in each spelling (searchVariants()); without
 * it, the query goes to Pagefind as typed.
 * Returns the slugs found for each query.
 */
export async function runQueries(page: Page, bundle: string, wordsModule: string | null, queries: readonly string[]): Promise<string[][]> {
  // Written as a string: vitest rewrites import() in functions it compiles,
  // and this code runs in the browser.
  const script = `(async ({ bundle, wordsModule, queries }) => {
    const engine = await import(bundle + "pagefind.js");
    await engine.init();
    const words = wordsModule ? await import(wordsModule) : null;
    const found = [];
    for (const query of queries) {
      const results = words
        ? await words.searchVariants((term) => engine.search(term), words.prepareQuery(query))
        : (await engine.search(query))?.results;
      const data = await Promise.all((results ?? []).map((result) => result.data()));
      found.push(data.map((result) => result.url.replace(/^\\/documents\\//, "").replace(/\\/$/, "")));
    }
    return found;
  })(${JSON.stringify({ bundle, wordsModule, queries })})`;
  return (await page.evaluate(script)) as string[][];
}

export interface Score {
  recall: number;
  precision: number;
  /** Queries that missed an expected document or returned a forbidden one. */
  failures: { q: string; missing: string[]; forbidden: string[] }[];
  /** Queries that returned documents they do not expect (what precision counts against). */
  extras: { q: string; extra: string[] }[];
}

/** Micro-averaged recall and precision over all queries (a query expecting nothing and finding nothing is neutral). */
export function score(queries: readonly QualityQuery[], found: readonly string[][]): Score {
  let expected = 0;
  let returned = 0;
  let correct = 0;
  const failures: Score["failures"] = [];
  const extras: Score["extras"] = [];
  queries.forEach((query, index) => {
    const got = new Set(found[index] ?? []);
    const hits = query.find.filter((slug) => got.has(slug));
    expected += query.find.length;
    returned += got.size;
    correct += hits.length;
    const missing = query.find.filter((slug) => !got.has(slug));
    const forbidden = (query.not ?? []).filter((slug) => got.has(slug));
    if (missing.length > 0 || forbidden.length > 0) failures.push({ q: query.q, missing, forbidden });
    const extra = [...got].filter((slug) => !query.find.includes(slug)).sort();
    if (extra.length > 0) extras.push({ q: query.q, extra });
  });
  return { recall: expected === 0 ? 1 : correct / expected, precision: returned === 0 ? 1 : correct / returned, failures, extras };
}

/** Plain Pagefind, default settings, over the built HTML: the baseline our pipeline is measured against. */
export async function writeBaselineIndex(siteDir: string, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(errors.join("; "));
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  await index.writeFiles({ outputPath });
  await index.deleteIndex();
  await pagefind.close();
}

/** What a corpus's queries found: through the search UI's query preparation (ours) and through plain Pagefind (baseline). */
export interface SuiteRun {
  run: BuildRun;
  ours: string[][];
  baseline: string[][];
}

/** Build a corpus with the real build, index it with plain Pagefind too, and run the queries both ways in Chromium. */
export async function runSuite(corpus: string, queries: readonly QualityQuery[]): Promise<SuiteRun> {
  const run = buildSite(corpus);
  if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
  await writeBaselineIndex(run.output, join(run.output, "pagefind-baseline"));
  const server = await serveSite(run.output);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    const words = await page.getAttribute("script[data-search-words]", "data-search-words");
    await page.goto(`${server.url}/404.html`);
    const ours = await runQueries(page, "/pagefind/", words, queries.map((query) => query.q));
    await page.goto(`${server.url}/404.html`);
    const baseline = await runQueries(page, "/pagefind-baseline/", null, queries.map((query) => query.q));
    return { run, ours, baseline };
  } finally {
    await browser.close();
    await server.close();
  }
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function line(label: string, result: Score): string {
  return `${label.padEnd(28)} recall ${percent(result.recall).padStart(6)}   precision ${percent(result.precision).padStart(6)}   queries failing ${result.failures.length}`;
}

/** The printed report: both scores, then every failing query and what ours returns beyond what is expected. */
/** Both sides of a suite run scored against its queries, with the report printed under `title`. */
export function scoreSuite(title: string, queries: readonly QualityQuery[], suite: SuiteRun): { ours: Score; baseline: Score } {
  const ours = score(queries, suite.ours);
  const baseline = score(queries, suite.baseline);
  console.log(report(title, ours, baseline));
  return { ours, baseline };
}

export function report(title: string, ourScore: Score, baseScore: Score): string {
  return [
    "",
    title,
    line("ours (prepared index+query)", ourScore),
    line("plain Pagefind (baseline)", baseScore),
    ...baseScore.failures.map((failure) => `  baseline fails ${JSON.stringify(failure.q)}: missing ${failure.missing.join(", ") || "-"}; forbidden ${failure.forbidden.join(", ") || "-"}`),
    ...ourScore.failures.map((failure) => `  OURS fails ${JSON.stringify(failure.q)}: missing ${failure.missing.join(", ") || "-"}; forbidden ${failure.forbidden.join(", ") || "-"}`),
    ...ourScore.extras.map((entry) => `  ours also returns for ${JSON.stringify(entry.q)}: ${entry.extra.join(", ")}`),
    "",
  ].join("\n");
}
