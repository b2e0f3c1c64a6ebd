// Where a build spends its time, for the benchmark: each stage adds its wall
// time here, and when ARCHIVE_TIMINGS names a file the totals are written
// there at the end (never into the site: output must not vary between runs).
import { writeFileSync } from "node:fs";
import type { EleventyConfig } from "../eleventy.ts";

const totals = new Map<string, number>();

/** Add `milliseconds` to a stage's total. */
export function recordTime(stage: string, milliseconds: number): void {
  totals.set(stage, (totals.get(stage) ?? 0) + milliseconds);
}

/** Run `work`, adding its wall time to `stage`. */
export async function timed<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    recordTime(stage, performance.now() - started);
  }
}

export function timedSync<T>(stage: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    recordTime(stage, performance.now() - started);
  }
}

export function buildTimings(config: EleventyConfig): void {
  const file = process.env.ARCHIVE_TIMINGS;
  if (!file) return;
  let started = 0;
  config.on("eleventy.before", () => {
    totals.clear();
    started = performance.now();
  });
  config.on("eleventy.after", () => {
    // eleventy.after listeners run together: this one marks when rendering ended.
    recordTime("eleventy (from first to last page written)", performance.now() - started);
  });
  process.once("beforeExit", () => {
    const memory = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ stages: Object.fromEntries(totals), maxRssKb: memory.maxRSS }, null, 2));
  });
}
