// A corpus larger than the search shard size is indexed as several Pagefind
// indexes (src/search/shards.ts). Forced here with ARCHIVE_SEARCH_SHARD_SIZE=3
// on the 9-document search fixture: three shards are written, and the search
// page in Chromium finds, filters and sorts across them just as the one-index
// build of the same corpus does. Its filter lists come from the build's
// counts: only a search that uses a filter fetches Pagefind's filter files.
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
    expect(readdirSync(pagefind).filter((name) => name.startsWith("shard-")).sort()).toEqual(["shard-1", "shard-2", "shard-3"]);
    const pageCounts: number[] = [];
    for (const dir of [pagefind, join(pagefind, "shard-1"), join(pagefind, "shard-2"), join(pagefind, "shard-3")]) {
      const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      pageCounts.push(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0));
      expect(readdirSync(dir).filter((name) => /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./.test(name))).toEqual([]);
    }
    // 11 documents in shards of 3.
    expect(pageCounts).toEqual([3, 3, 3, 2]);
    expect(readdirSync(join(single.output, "pagefind")).some((name) => name.startsWith("shard-"))).toBe(false);
    expect(existsSync(join(pagefind, "shard-4"))).toBe(false);
  });
});

interface Seen {
  urls: string[];
  organisations: string[];
  years: string[];
  requests: string[];
  errors: string[];
}

/** Pagefind's runtime files among the requests, by path, each time it was fetched. */
function runtimeFiles(requests: string[]): string[] {
  return requests.map((url) => new URL(url).pathname).filter((path) => /\/(?:pagefind\.js|wasm\.[\w-]+\.pagefind)$/.test(path)).sort();
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
    for (const shard of ["shard-1", "shard-2", "shard-3"]) expect(many.requests.some((url) => url.includes(`/pagefind/${shard}/`))).toBe(true);
    expect(one.requests.some((url) => url.includes("/pagefind/shard-"))).toBe(false);
    // One runtime serves every shard: Pagefind's module and WebAssembly are fetched once, from the bundle's root.
    expect(runtimeFiles(many.requests)).toEqual(runtimeFiles(one.requests));
    expect(runtimeFiles(many.requests)).toEqual(["/pagefind/pagefind.js", "/pagefind/wasm.ar.pagefind"]);
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

/** Requests for Pagefind's filter files, of any shard. */
const filterFiles = (requests: string[]) => requests.filter((url) => /^\/pagefind\/(?:shard-\d+\/)?filter\/[^/]+\.pf_filter$/.test(new URL(url).pathname));

/** A filter list's values with the count each option shows ("الإنتربول (5)"), in the list's order. */
function listed(page: Page, name: "org" | "year"): Promise<[string, number][]> {
  return page
    .locator(`.search-page select[name=${name}] option`)
    .evaluateAll((options) =>
      options.filter((option) => option.getAttribute("value") !== "").map((option) => [option.getAttribute("value") ?? "", Number(/\((\d+)\)$/.exec(option.textContent ?? "")?.[1])]),
    ) as Promise<[string, number][]>;
}

/**
 * Pagefind's own filters() of every shard, added up, run in the page: a
 * string, since Vitest would rewrite the import() of a function.
 */
/** Pagefind's own filter counts over every shard: the page's Pagefind, into which the search UI merged the shards. */
const PAGEFIND_FILTERS = `(async () => {
  const pagefind = await import("/pagefind/pagefind.js");
  return pagefind.filters();
})()`;

describe("the filter lists over shards", () => {
  it("come from the build: a search fetches no filter file until it uses a filter, which then narrows results across shards", async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    const { requests, errors } = watchPage(page);
    await page.goto(`${servers[1]!.url}/search/?q=${encodeURIComponent("الاتجار")}`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator(".search-result").count(), WAIT).toBeGreaterThan(4);
    for (const shard of ["shard-1", "shard-2", "shard-3"]) expect(requests.some((url) => url.includes(`/pagefind/${shard}/`))).toBe(true);
    expect(filterFiles(requests)).toEqual([]);
    const organisations = await listed(page, "org");
    const years = await listed(page, "year");
    expect(Object.fromEntries(organisations)).toMatchObject({ interpol: 5, unodc: 4, un: 2, iom: 1 });
    expect(organisations).toHaveLength(18);
    expect(years).toEqual([["2025", 1], ["2024", 1], ["2023", 1], ["2022", 1], ["2021", 1], ["2020", 1], ["2019", 1], ["2018", 1], ["2017", 1]]);

    // Choosing an organisation searches every shard with it: each fetches its filter file.
    await page.locator(".search-page select[name=org]").selectOption("interpol");
    const urls = () => page.locator(".search-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href")).sort());
    // Two of them in the first shard (undated and 2017), two in the second (2018, 2019).
    await expect.poll(urls, WAIT).toEqual(["/documents/buenos-aires-2019/", "/documents/doha-conference-2017/", "/documents/interpol-our-role/", "/documents/punctuation-report/"]);
    const fetched = filterFiles(requests).map((url) => new URL(url).pathname.replace(/filter\/.*$/, ""));
    expect(new Set(fetched)).toEqual(new Set(["/pagefind/", "/pagefind/shard-1/", "/pagefind/shard-2/", "/pagefind/shard-3/"]));

    // The counts listed are those Pagefind reports for the shards merged.
    const reported = (await page.evaluate(PAGEFIND_FILTERS)) as Record<string, Record<string, number>>;
    expect(Object.fromEntries(organisations)).toEqual(reported.organisation);
    expect(Object.fromEntries(years)).toEqual(reported.year);
    expect(errors).toEqual([]);
    await context.close();
  });
});
