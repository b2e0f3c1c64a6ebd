// The production site as Netlify serves it (netlify.toml's headers, CSP included), in real Chromium:
// accessibility (axe-core), no CSP violation, no request leaving 127.0.0.1, light and dark mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { fixturesDir } from "../support/build.ts";
import { netlifyHeaders } from "../support/netlify.ts";
import { openSiteInBrowser, type SiteInBrowser } from "../support/site.ts";
import type { StaticServer } from "../support/server.ts";

let site: SiteInBrowser;
let server: StaticServer;
let browser: Browser;

// A page breaking the policy on purpose proves violations are caught.
const CSP_CANARY = '<!doctype html><html lang="ar"><title>x</title><p style="color:red">x</p><script>document.title="y"</script>';

beforeAll(async () => {
  site = await openSiteInBrowser(join(fixturesDir, "corpus"), {
    headers: await netlifyHeaders(),
    beforeServing: (output) => writeFileSync(join(output, "csp-canary.html"), CSP_CANARY),
  });
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

const PAGES = [
  "/",
  "/documents/interpol-doha-2017/",
  "/documents/france-interview-2022/",
  "/timeline/",
  "/timeline/2017/",
  "/timeline/undated/",
  "/organisations/",
  "/organisations/interpol/",
  "/search/",
  "/search/?q=الاتجار",
  "/no-such-page/",
];

interface Visit {
  page: Page;
  requests: string[];
  cspViolations: string[];
  consoleErrors: string[];
}

async function visit(path: string, colorScheme: "light" | "dark"): Promise<Visit> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  // A search page with a query: check it with its results open.
  if (path.includes("?q=")) await page.locator(".search-result").first().waitFor({ timeout: 30_000 });
  const cspViolations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  return { page, requests, cspViolations, consoleErrors };
}

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each(PAGES)("%s has no accessibility violation, no CSP violation and no outside request", async (path) => {
    const { page, requests, cspViolations, consoleErrors } = await visit(path, colorScheme);
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(violations).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.context().close();
  });
});

describe("search under the CSP", () => {
  it("goes from a page without script to the search page, loads Pagefind's WebAssembly and shows results without a violation", async () => {
    const { page, cspViolations, requests } = await visit("/documents/interpol-doha-2017/", "light");
    expect(requests.filter((url) => /\.js$/.test(url))).toEqual([]);
    await page.click(".search-button");
    await page.waitForURL(`${server.url}/search/`);
    await page.locator(".search-page .search-input").fill("الإنتربول");
    await page.locator(".search-page .search-result").first().waitFor({ timeout: 30_000 });
    const results = await new AxeBuilder({ page }).include(".search-page").analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    const later = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    expect([...cspViolations, ...later]).toEqual([]);
    expect(requests.some((url) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(url))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.context().close();
  });
});

describe("the served headers", () => {
  it("make the browser block and report inline script and style", async () => {
    const { page, cspViolations } = await visit("/csp-canary.html", "light");
    expect(cspViolations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^style-src/)]));
    expect(await page.title()).toBe("x");
    await page.context().close();
  });

  it("carry the CSP from netlify.toml to the browser", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
