// Fonts are subset in a worker thread of their own (src/build/fontSubset.ts),
// so that subset-font's WebAssembly memory ends with it: the subsets come back
// as WOFF2 holding the characters asked for, and a failure in the worker
// reaches the build.
import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { subsetFonts } from "../../../src/build/fontSubset.ts";

const require = createRequire(import.meta.url);
const REGULAR = require.resolve("@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2");
const BOLD = require.resolve("@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2");

describe("subsetFonts", () => {
  it("returns each font, in order, as a WOFF2 subset smaller than the font, larger with more characters", async () => {
    const [regular, bold] = await subsetFonts([REGULAR, BOLD], "الاتجار");
    const [wider] = await subsetFonts([REGULAR], "الاتجار بالبشر وتهريب المهاجرين");
    for (const subset of [regular!, bold!, wider!]) expect(Buffer.from(subset.slice(0, 4)).toString("latin1")).toBe("wOF2");
    expect(regular!.length).toBeLessThan(statSync(REGULAR).size / 4);
    expect(Buffer.compare(Buffer.from(regular!), Buffer.from(bold!))).not.toBe(0);
    expect(wider!.length).toBeGreaterThan(regular!.length);
  }, 60_000);

  it("fails with the worker's reason when a font cannot be read", async () => {
    await expect(subsetFonts(["/nonexistent/font.woff2"], "ا")).rejects.toThrow(/ENOENT[\s\S]*\/nonexistent\/font\.woff2/);
  }, 60_000);
});
