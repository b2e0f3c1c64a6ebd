// A corpus larger than the search shard size is indexed as several Pagefind
// indexes (src/search/shards.ts). Forced here with ARCHIVE_SEARCH_SHARD_SIZE=3
// on the 9-document search fixture: three shards are written, and the search
// page in Chromium finds, filters and sorts across them just as the one-index
// build of the same corpus does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite, fixturesDir, type BuildRun } from "../support/build.ts";
import { launchBrowser } from "../support/browser.ts";
import { netlifyHeaders } from "../support/netlify.ts";
import { serveSite, type StaticServer } from "../support/server.ts";
import { watchPage } from "../support/site.ts";
const WAIT = { timeout: 30_000, interval: 100 };

let single: BuildRun;
let sharded: BuildRun;
let servers: StaticServer[] = [];
let browser: Browser;

function build(shardSize?: string): BuildRun {
  const previous = process.env.ARCHIVE_SEARCH_SHARD_SIZE;
  if (shardSize === undefined) delete process.env.ARCHIVE_SEARCH_SHARD_SIZE;
  else process.env.ARCHIVE_SEARCH_SHARD_SIZE = shardSize;
  try {
    const run = buildSite(join(fixturesDir, "search-corpus"));
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    return run;
  } finally {
    if (previous === undefined) delete process.env.ARCHIVE_SEARCH_SHARD_SIZE;
    else process.env.ARCHIVE_SEARCH_SHARD_SIZE = previous;
  }
}

beforeAll(async () => {
  single = build();
  sharded = build("3");
  const headers = await netlifyHeaders();
  servers = await Promise.all([single, sharded].map((run) => serveSite(run.output, headers)));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe("search index shards", () => {
  it("writes one bundle per shard: shard 0 as the bundle, the others beneath it", () => {
    const pagefind = join(sharded.output, "pagefind");
    expect(readdirSync(pagefind).filter((name) => name.startsWith("shard-")).sort()).toEqual(["shard-1", "shard-2"]);
    for (const dir of [pagefind, join(pagefind, "shard-1"), join(pagefind, "shard-2")]) {
      const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(3);
      expect(readdirSync(dir).filter((name) => /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./.test(name))).toEqual([]);
    }
    expect(readdirSync(join(single.output, "pagefind")).some((name) => name.startsWith("shard-"))).toBe(false);
    expect(existsSync(join(pagefind, "shard-3"))).toBe(false);
  });
});

interface Seen {
  urls: string[];
  organisations: string[];
  years: string[];
  requests: string[];
  errors: string[];
}

async function searchPage(server: StaticServer, query: string): Promise<Seen> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const { requests, errors } = watchPage(page);
  await page.goto(`${server.url}/search/?${query}`, { waitUntil: "networkidle" });
  await expect.poll(() => page.locator(".search-result").count(), WAIT).toBeGreaterThan(0);
  const texts = (selector: string) => page.locator(selector).evaluateAll((options) => options.map((option) => option.textContent ?? ""));
  const seen = {
    urls: await page.locator(".search-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")),
    organisations: await texts(".search-page select[name=org] option"),
    years: await texts(".search-page select[name=year] option"),
    requests,
    errors,
  };
  await context.close();
  return seen;
}

describe("the search page over shards", () => {
  const queries = [
    `q=${encodeURIComponent("الاتجار")}&org=interpol`,
    `q=${encodeURIComponent("الاتجار")}&org=interpol&sort=newest`,
    `q=${encodeURIComponent("الاتجار")}&sort=oldest`,
    `org=interpol&sort=newest`,
    `q=${encodeURIComponent("غسل")}`,
    "year=2019",
  ];

  it.each(queries)("finds, filters and sorts as the single index does: %s", async (query) => {
    const one = await searchPage(servers[0]!, query);
    const many = await searchPage(servers[1]!, query);
    expect(many.errors).toEqual([]);
    expect(one.errors).toEqual([]);
    // Filter lists, with their counts, are the whole corpus's.
    expect(many.organisations).toEqual(one.organisations);
    expect(many.years).toEqual(one.years);
    // Sorted lists are the same list; by relevance, the same documents (scores are per shard).
    if (query.includes("sort=")) expect(many.urls).toEqual(one.urls);
    else expect(new Set(many.urls)).toEqual(new Set(one.urls));
    // Every shard was loaded; the single build knows of no shards.
    for (const shard of ["shard-1", "shard-2"]) expect(many.requests.some((url) => url.includes(`/pagefind/${shard}/`))).toBe(true);
    expect(one.requests.some((url) => url.includes("/pagefind/shard-"))).toBe(false);
  });

  it("matches words per shard: a shard without the exact word may match more (Pagefind's own matching)", async () => {
    // Known difference: each shard is its own Pagefind index, and Pagefind
    // widens a word a shard does not hold exactly to longer words that shard
    // has. The single index's results are all found, in the same order.
    const query = `q=${encodeURIComponent("الإنتربول")}&sort=newest`;
    const one = await searchPage(servers[0]!, query);
    const many = await searchPage(servers[1]!, query);
    expect(many.urls.filter((url) => one.urls.includes(url))).toEqual(one.urls);
  });

  it("finds documents from more than one shard in one search", async () => {
    // Each shard holds 3 documents: more results than that come from several shards.
    const many = await searchPage(servers[1]!, "org=interpol&sort=oldest");
    expect(many.urls.length).toBeGreaterThan(3);
    expect(new Set(many.urls).size).toBe(many.urls.length);
  });
});
