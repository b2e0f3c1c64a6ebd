// The held-out set: texts written for issue 16 in styles the development
// corpus does not hold (tests/fixtures/search-heldout), with their queries
// (heldout-queries.yaml) and what the build must read out of them
// (heldout-metadata.yaml). Scored through the built search page in Chromium,
// as the targets are stated: recall and precision at least 0.98,
// every dated text dated, every dateline place read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturesDir, projectRoot } from "../support/build.ts";
import { loadQueries, runSuite, scoreSuite, type SuiteRun } from "./quality.ts";

interface Expected {
  date: string | null;
  place: { city: string; country?: string } | null;
  organisations: string[];
  warning?: string;
}

const corpus = join(fixturesDir, "search-heldout");
const queries = loadQueries("heldout-queries.yaml");
const expected = parse(readFileSync(join(projectRoot, "tests/search/heldout-metadata.yaml"), "utf8")) as Record<string, Expected>;
let suite: SuiteRun;

beforeAll(async () => {
  suite = await runSuite(corpus, queries);
}, 180_000);

describe(`held-out set (${queries.length} queries, tests/search/heldout-queries.yaml)`, () => {
  it("reads every text's date, place and organisations, and warns about the Hijri date that names another day", () => {
    const documents = JSON.parse(readFileSync(join(suite.run.output, "data/documents.json"), "utf8")) as {
      url: string;
      date: string | null;
      place_city: string | null;
      place_country: string | null;
      organisations: { id: string }[];
    }[];
    const read = Object.fromEntries(
      documents.map((document) => [
        document.url.replace(/\/$/, "").split("/").pop(),
        {
          date: document.date,
          place: document.place_city ? { city: document.place_city, ...(document.place_country ? { country: document.place_country } : {}) } : null,
          organisations: document.organisations.map((mention) => mention.id).sort(),
        },
      ]),
    );
    const wanted = Object.fromEntries(Object.entries(expected).map(([slug, { date, place, organisations }]) => [slug, { date, place, organisations }]));
    expect(read).toEqual(wanted);
    const output = suite.run.stdout + suite.run.stderr;
    for (const [slug, { warning }] of Object.entries(expected)) {
      if (!warning) continue;
      expect(output).toContain(`${slug}.txt: warning: the date line says`);
      expect(output).toContain(warning);
    }
  });

  it("meets the issue's targets: recall and precision at least 0.98", () => {
    const { ours: ourScore } = scoreSuite(`Search quality over tests/fixtures/search-heldout (${queries.length} queries)`, queries, suite);
    expect(ourScore.failures).toEqual([]);
    expect(ourScore.recall).toBeGreaterThanOrEqual(0.98);
    expect(ourScore.precision).toBeGreaterThanOrEqual(0.98);
  });
});
