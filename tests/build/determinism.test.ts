// The same content builds byte-identical sites: deploys only change what changed.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { buildSite, fixturesDir } from "../support/build.ts";

function allFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? allFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))]))
    .sort();
}

describe("determinism", () => {
  it("builds the same corpus twice into byte-identical folders", () => {
    const first = buildSite(join(fixturesDir, "corpus"));
    const second = buildSite(join(fixturesDir, "corpus"));
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    const files = allFiles(first.output);
    expect(allFiles(second.output)).toEqual(files);
    expect(files.length).toBeGreaterThan(10);
    const different = files.filter((file) => !readFileSync(join(first.output, file)).equals(readFileSync(join(second.output, file))));
    expect(different).toEqual([]);
  });
});
