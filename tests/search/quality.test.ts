// Search quality: every query in queries.yaml, run in Chromium against the
// fixture corpus built by the real build, through the UI's query
// preparation; and the same queries against plain Pagefind indexing the same
// built pages, printed beside it as the baseline.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturesDir } from "../support/build.ts";
import { loadQueries, runSuite, scoreSuite, type SuiteRun } from "./quality.ts";

const queries = loadQueries();
let suite: SuiteRun;

beforeAll(async () => {
  suite = await runSuite(join(fixturesDir, "search-corpus"), queries);
}, 180_000);

describe(`search quality (${queries.length} queries, tests/search/queries.yaml)`, () => {
  it("has at least 80 queries", () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
  });

  it("finds every expected document and no forbidden one, and prints the plain-Pagefind baseline beside it", () => {
    const { ours: ourScore, baseline: baseScore } = scoreSuite(`Search quality over tests/fixtures/search-corpus (${queries.length} queries)`, queries, suite);
    expect(ourScore.failures).toEqual([]);
    expect(ourScore.recall).toBe(1);
    // The baseline must really be worse on these queries, or the suite is not measuring the gaps.
    expect(baseScore.recall).toBeLessThan(1);
  });
});
