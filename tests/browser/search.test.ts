// Search in a real Chromium, on the search fixture corpus built by the real
// build and served with the strict Content-Security-Policy the site is
// deployed with: pages without script that link to the search page, that
// page (mouse and keyboard only) and its URL, excerpts, the page without
// JavaScript, screenshots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { fixturesDir } from "../support/build.ts";
import { netlifyHeaders } from "../support/netlify.ts";
import { openSiteInBrowser, screenshotsDir as screenshots, watchPage, type SiteInBrowser } from "../support/site.ts";
import type { StaticServer } from "../support/server.ts";

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
// How long to wait for the page to get there (Pagefind loads on first use; the machine may be busy with builds).
// A limit on waiting, not a measure of speed.
const WAIT = { timeout: 30_000, interval: 100 };

let site: SiteInBrowser;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await openSiteInBrowser(join(fixturesDir, "search-corpus"), { headers: await netlifyHeaders() });
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  /** Console errors and CSP violations. */
  errors: string[];
}

async function open(path: string, viewport: keyof typeof VIEWPORTS = "desktop", javaScriptEnabled = true): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], javaScriptEnabled });
  const page = await context.newPage();
  const { requests, errors } = watchPage(page);
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  return { page, requests, errors };
}

const results = (page: Page) => page.locator(".search-result");
const resultUrls = (page: Page) => page.locator(".search-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));

/** The results of the last query typed, all shown: the list is busy while a search runs (a query typed letter by letter runs several). */
async function waitForResults(page: Page, count?: number): Promise<void> {
  await expect.poll(() => page.locator('.search-results[aria-busy="false"] .search-result').count(), WAIT).toBeGreaterThan(0);
  if (count !== undefined) await expect.poll(() => results(page).count(), WAIT).toBe(count);
}

/** The page's script elements that a browser runs: all but JSON-LD data blocks. */
const runnableScripts = (page: Page) =>
  page.locator("script").evaluateAll((scripts) => scripts.filter((script) => script.getAttribute("type") !== "application/ld+json").map((script) => script.outerHTML));
const scriptRequests = (requests: string[]) => requests.filter((url) => /\.m?js(?:\?|$)|\/pagefind\/|\/assets\/search\//.test(url));
/** Requests for Pagefind's filter files: a search makes them only when it uses a filter (the filter lists come from the build). */
const filterFiles = (requests: string[]) => requests.filter((url) => /\/pagefind\/filter\/[^/]+\.pf_filter$/.test(new URL(url).pathname));
/** Whether the search page's box (the script's, not the plain form it replaces) has the focus. */
const boxFocused = (page: Page) => page.evaluate(() => document.activeElement === document.querySelector(".search-panel .search-input"));

/** Click the header's search link: the search page opens with its box focused. */
async function searchFromHeader(page: Page): Promise<void> {
  await page.click(".search-button");
  await page.waitForURL(`${server.url}/search/`);
  await expect.poll(() => boxFocused(page), WAIT).toBe(true);
}

describe("search from any page", () => {
  it("loads no script on a document page; its header link opens the search page, focused, that finds Arabic text, filters and opens a result (mouse)", async () => {
    const { page, requests, errors } = await open("/documents/distractors/");
    expect(await runnableScripts(page)).toEqual([]);
    expect(scriptRequests(requests)).toEqual([]);

    await searchFromHeader(page);
    await page.keyboard.type("الاتجار");
    await waitForResults(page);
    const all = await resultUrls(page);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all).not.toContain("/documents/distractors/");
    expect(filterFiles(requests)).toEqual([]);
    expect(await page.locator(".search-page select[name=org] option[value=unodc]").textContent()).toBe("مكتب المخدرات والجريمة (4)");

    // The unfiltered results already hold these three: wait for the filtered search itself (the list is busy from the change on).
    await page.locator(".search-page select[name=org]").selectOption("unodc");
    await waitForResults(page, 3);
    expect((await resultUrls(page)).sort()).toEqual(["/documents/france-interview-2022/", "/documents/gcc-vienna/", "/documents/kuwait-workshop/"]);
    expect(filterFiles(requests).length).toBeGreaterThan(0);
    expect(await page.locator(".search-page .search-status").textContent()).toBe("3 نتائج.");
    const excerpt = await results(page).first().locator(".search-result-excerpt mark").first().textContent();
    expect(excerpt).toMatch(/الاتجار/);
    await page.screenshot({ path: join(screenshots, "search-from-document-desktop.png") });

    // Everything came from this site.
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    const first = (await resultUrls(page))[0]!;
    await page.locator(".search-result-link").first().click();
    await page.waitForURL(server.url + first);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("works with the keyboard only: Tab to the header link, Enter, type, arrows, Tab to a filter, Enter", async () => {
    const { page, errors } = await open("/");
    for (let step = 0; step < 20 && !(await page.evaluate(() => document.activeElement?.classList.contains("search-button"))); step++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/search/`);
    await expect.poll(() => boxFocused(page), WAIT).toBe(true);
    await page.keyboard.type("والإرهاب");
    await waitForResults(page, 1);
    expect(await resultUrls(page)).toEqual(["/documents/france-interview-2022/"]);
    // The excerpt shows the word as the page writes it, highlighted.
    expect(await page.locator(".search-result-excerpt mark").first().textContent()).toMatch(/^والإرهاب/);

    // A new query, then the organisation filter reached with Tab and changed with the arrow keys.
    await page.keyboard.press("Control+a");
    await page.keyboard.type("الإنتربول");
    await waitForResults(page, 5);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("org");
    for (let step = 0; step < 20 && (await page.locator(".search-page select[name=org]").inputValue()) !== "iom"; step++) {
      await page.keyboard.press("ArrowDown");
    }
    expect(await page.locator(".search-page select[name=org]").inputValue()).toBe("iom");
    await expect.poll(() => resultUrls(page), WAIT).toEqual(["/documents/punctuation-report/"]);

    // Back to the box, down into the results, Enter opens one.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/documents/punctuation-report/");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/documents/punctuation-report/`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("finds a Latin organisation name in a text that writes it in Arabic, and the reverse", async () => {
    const { page } = await open("/search/");
    await expect.poll(() => boxFocused(page), WAIT).toBe(true);
    await page.keyboard.type("UNICEF");
    await waitForResults(page, 1);
    expect(await resultUrls(page)).toEqual(["/documents/minors-education/"]);
    await page.keyboard.press("Control+a");
    await page.keyboard.type("مكتب المخدرات والجريمة");
    await expect.poll(() => resultUrls(page), WAIT).toContain("/documents/latin-names-memo/");
    await page.context().close();
  });

  it("keeps what the reader typed before the search UI and the index arrived", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    // Hold back the search UI, then Pagefind, as a slow network would.
    const held = (pattern: string) => {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      void page.route(pattern, async (route) => {
        await released;
        await route.continue();
      });
      return release;
    };
    const releaseUi = held("**/assets/search/search-ui.*.js");
    const releasePagefind = held("**/pagefind/pagefind.js");
    // A module script holds back DOMContentLoaded: wait for the page's own form instead.
    await page.goto(`${server.url}/search/`, { waitUntil: "commit" });
    await page.locator("#search-page-q").waitFor();
    // The plain form's box has the focus from the start.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toBe("search-page-q");
    await page.keyboard.type("غسل");
    releaseUi();
    await expect.poll(() => boxFocused(page), WAIT).toBe(true);
    expect(await page.locator(".search-page .search-input").inputValue()).toBe("غسل");
    // Typing on while the index loads is kept too.
    await page.keyboard.press("Control+a");
    await page.keyboard.type("الشوارع");
    releasePagefind();
    await expect.poll(() => resultUrls(page), WAIT).toEqual(["/documents/punctuation-report/"]);
    expect(await page.locator(".search-page .search-input").inputValue()).toBe("الشوارع");
    expect(await page.evaluate(() => new URLSearchParams(location.search).get("q"))).toBe("الشوارع");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("looks right on a phone", async () => {
    const { page, errors } = await open("/documents/gcc-vienna/", "phone");
    await searchFromHeader(page);
    await page.keyboard.type("الـ34");
    await waitForResults(page, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const box = await page.locator(".search-page .search-input").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.locator(".search-result-excerpt mark").first().textContent()).toBe("الـ34");
    await page.screenshot({ path: join(screenshots, "search-from-document-phone.png") });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("search page", () => {
  it("takes its query and filters from the URL and keeps the URL in step", async () => {
    const { page, errors } = await open(`/search/?q=${encodeURIComponent("الاتجار")}&org=interpol`);
    await waitForResults(page);
    expect(await page.locator(".search-page .search-input").inputValue()).toBe("الاتجار");
    expect(await page.locator(".search-page select[name=org]").inputValue()).toBe("interpol");
    const urls = await resultUrls(page);
    // punctuation-report writes اتجار without the article and names ’’الانتربول‘‘.
    expect(new Set(urls)).toEqual(
      new Set(["/documents/doha-conference-2017/", "/documents/buenos-aires-2019/", "/documents/interpol-our-role/", "/documents/punctuation-report/"]),
    );
    await page.screenshot({ path: join(screenshots, "search-page-desktop.png"), fullPage: true });

    await page.locator(".search-page select[name=sort]").selectOption("newest");
    await expect.poll(() => page.evaluate(() => location.search), WAIT).toContain("sort=newest");
    await expect.poll(() => resultUrls(page), WAIT).toEqual([
      "/documents/buenos-aires-2019/",
      "/documents/punctuation-report/",
      "/documents/doha-conference-2017/",
      "/documents/interpol-our-role/",
    ]);

    await page.locator(".search-page select[name=org]").selectOption("");
    await page.locator(".search-page .search-input").fill("غسل");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("q")), WAIT).toBe("غسل");
    await expect.poll(() => resultUrls(page), WAIT).toEqual(["/documents/latin-names-memo/"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists a filter's documents without a query (links from organisation pages)", async () => {
    const { page } = await open("/search/?year=2019", "phone");
    await waitForResults(page, 1);
    expect(await page.locator(".search-page select[name=year] option:checked").textContent()).toBe("2019 (1)");
    expect(await resultUrls(page)).toEqual(["/documents/buenos-aires-2019/"]);
    await page.screenshot({ path: join(screenshots, "search-page-phone.png"), fullPage: true });
    await page.context().close();
  });

  it("shows excerpts that read exactly like the page", async () => {
    const { page } = await open(`/search/?q=${encodeURIComponent("الشوارع")}`);
    await waitForResults(page, 1);
    const excerpt = (await page.locator(".search-result-excerpt").textContent()) ?? "";
    expect(await page.locator(".search-result-excerpt mark").textContent()).toBe("الشوارع»،"); // the page typesets “…” as «…»
    expect(await page.locator(".search-result-meta").textContent()).toMatch(/2018.*الرباط، المغرب/);
    await page.goto(`${server.url}/documents/punctuation-report/`);
    const body = ((await page.locator("[data-pagefind-body]").textContent()) ?? "").replace(/\s+/g, " ");
    expect(excerpt.length).toBeGreaterThan(40);
    expect(body).toContain(excerpt.replace(/\s+/g, " ").trim());
    await page.context().close();
  });

  it("is reached from the header without JavaScript, its box focused; says what to do and links the timeline and the organisations", async () => {
    const { page } = await open("/documents/distractors/", "desktop", false);
    await page.click(".search-button");
    await page.waitForURL(`${server.url}/search/`);
    // autofocus is applied when the browser next renders, which may come after the load event.
    await page.waitForSelector("#search-page-q:focus", { timeout: 5000 });
    const fallback = page.locator("[data-search-fallback]");
    expect(await fallback.textContent()).toMatch(/JavaScript/);
    expect(await fallback.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual(["/timeline/", "/organisations/"]);
    await page.context().close();
  });
});
