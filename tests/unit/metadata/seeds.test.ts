// The whole pipeline (no front matter) against what a careful editor reads out of each seed.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { Project } from "../../../src/project.ts";
import { buildDocument } from "../../../src/documents/pipeline.ts";
import { fixturesDir } from "../../support/build.ts";

interface Expectation {
  title?: string;
  date?: string;
  date_precision?: string;
  date_precision_must?: string;
  place?: { city: string; country: string } | "none";
  organisations_must?: string[];
  organisations_should?: string[];
  organisations_must_not?: string[];
}

const seedsDir = join(fixturesDir, "seeds");
const expected = parseYaml(readFileSync(join(seedsDir, "expected.yaml"), "utf8")) as Record<string, Expectation>;
const project = await Project.load();

function build(file: string) {
  const result = buildDocument(file, "txt", readFileSync(join(seedsDir, file)), project.data);
  if (!result.document) throw new Error(`${file} was rejected: ${JSON.stringify(result.problems)}`);
  return result.document;
}

describe.each(Object.entries(expected))("seed %s", (file, expectation) => {
  const document = build(file);

  it("has the editor's date at the editor's precision, or none", () => {
    if (expectation.date === "none" || expectation.date === undefined) {
      expect(document.date).toMatchObject({ iso: null, precision: "none" });
      return;
    }
    const precision = expectation.date_precision ?? expectation.date_precision_must;
    if (precision === "year") expect(document.date.year).toBe(Number(expectation.date.slice(0, 4)));
    if (precision === "day") expect(document.date).toMatchObject({ iso: expectation.date, precision: "day" });
    // The "should" for the yearless seed: the day too.
    expect(document.date.iso).toBe(expectation.date);
  });

  it("has the dateline's place, or none", () => {
    if (expectation.place === "none" || expectation.place === undefined) expect(document.place).toBeNull();
    else expect(document.place).toEqual(expectation.place);
  });

  it("finds every organisation it must and should, and none it must not", () => {
    const ids = document.organisations.map((mention) => mention.id);
    expect(ids).toEqual(expect.arrayContaining([...(expectation.organisations_must ?? []), ...(expectation.organisations_should ?? [])]));
    for (const id of expectation.organisations_must_not ?? []) expect(ids).not.toContain(id);
    for (const mention of document.organisations) expect(mention.count).toBeGreaterThan(0);
  });

  it("has the editor's title, or an inferred one flagged as such", () => {
    if (expectation.title === undefined || expectation.title.startsWith("none")) expect(document.titleSource).toBe("inferred");
    else expect(document.title).toBe(expectation.title);
  });
});
