// Search quality: every query in queries.yaml, run in Chromium against the
// fixture corpus built by the real build, through the UI's query
// preparation; and the same queries against plain Pagefind indexing the same
// built pages, printed beside it as the baseline.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildSite, fixturesDir, type BuildRun } from "../support/build.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/server.ts";
import { loadQueries, runQueries, score, writeBaselineIndex, type Score } from "./quality.ts";

const queries = loadQueries();
let run: BuildRun;
let server: StaticServer;
let browser: Browser;
let page: Page;
let ours: string[][];
let baseline: string[][];

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function report(label: string, result: Score): string {
  return `${label.padEnd(28)} recall ${percent(result.recall).padStart(6)}   precision ${percent(result.precision).padStart(6)}   queries failing ${result.failures.length}`;
}

beforeAll(async () => {
  run = buildSite(join(fixturesDir, "search-corpus"));
  if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
  await writeBaselineIndex(run.output, join(run.output, "pagefind-baseline"));
  server = await serveSite(run.output);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  const words = await page.getAttribute("script[data-search-words]", "data-search-words");
  await page.goto(`${server.url}/404.html`);
  ours = await runQueries(page, "/pagefind/", words, queries.map((query) => query.q));
  await page.goto(`${server.url}/404.html`);
  baseline = await runQueries(page, "/pagefind-baseline/", null, queries.map((query) => query.q));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`search quality (${queries.length} queries, tests/search/queries.yaml)`, () => {
  it("has at least 80 queries", () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
  });

  it("finds every expected document and no forbidden one, and prints the plain-Pagefind baseline beside it", () => {
    const ourScore = score(queries, ours);
    const baseScore = score(queries, baseline);
    const lines = [
      "",
      `Search quality over tests/fixtures/search-corpus (${queries.length} queries)`,
      report("ours (prepared index+query)", ourScore),
      report("plain Pagefind (baseline)", baseScore),
      ...baseScore.failures.map((failure) => `  baseline fails ${JSON.stringify(failure.q)}: missing ${failure.missing.join(", ") || "-"}; forbidden ${failure.forbidden.join(", ") || "-"}`),
      ...ourScore.failures.map((failure) => `  OURS fails ${JSON.stringify(failure.q)}: missing ${failure.missing.join(", ") || "-"}; forbidden ${failure.forbidden.join(", ") || "-"}`),
      ...ourScore.extras.map((entry) => `  ours also returns for ${JSON.stringify(entry.q)}: ${entry.extra.join(", ")}`),
      "",
    ];
    console.log(lines.join("\n"));
    expect(ourScore.failures).toEqual([]);
    expect(ourScore.recall).toBe(1);
    // The baseline must really be worse on these queries, or the suite is not measuring the gaps.
    expect(baseScore.recall).toBeLessThan(1);
  });
});
