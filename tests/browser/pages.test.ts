// The built site in a real Chromium, served on 127.0.0.1: direction, visible text, fonts, screenshots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { fixturesDir } from "../support/build.ts";
import { openSiteInBrowser, screenshotsDir as screenshots, type SiteInBrowser } from "../support/site.ts";
import type { StaticServer } from "../support/server.ts";

let site: SiteInBrowser;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await openSiteInBrowser(join(fixturesDir, "corpus"));
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** Open a page, recording every request it makes. */
async function open(path: string, viewport: keyof typeof VIEWPORTS): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests };
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])("at %s width", (viewport) => {
  it("shows the home page right to left with the newest documents", async () => {
    const { page, requests } = await open("/", viewport);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    const firstCard = page.locator(".document-card h3 a").first();
    await expect.poll(() => firstCard.isVisible()).toBe(true);
    expect(await firstCard.textContent()).toBe("ملاحظة تحريرية عن الأرشيف");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    await page.screenshot({ path: join(screenshots, `home-${viewport}.png`), fullPage: true });
    await page.close();
  });

  it("shows a document with its Arabic text in the self-hosted Naskh font", async () => {
    const { page, requests } = await open("/documents/interpol-doha-2017/", viewport);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const heading = page.locator("h1");
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.textContent()).toContain("حماية ضحايا الاتجار بالبشر");
    const paragraph = page.locator(".document-body p").first();
    expect(await paragraph.isVisible()).toBe(true);
    // The body starts on the right: its text's right edge sits at the column's right edge.
    const [textBox, columnBox] = await Promise.all([paragraph.boundingBox(), page.locator(".document-body").boundingBox()]);
    expect(Math.abs(textBox!.x + textBox!.width - (columnBox!.x + columnBox!.width))).toBeLessThan(2);
    const naskhLoaded = await page.evaluate(() => [...document.fonts].some((font) => font.family.includes("Archive Naskh") && font.status === "loaded"));
    expect(naskhLoaded).toBe(true);
    expect(requests.some((url) => /\/assets\/fonts\/naskh-400\.[0-9a-f]+\.woff2$/.test(url))).toBe(true);
    expect(requests.every((url) => url.startsWith(server.url))).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // A Latin run keeps its own order inside the Arabic sentence.
    const latin = page.locator('.document-body span[dir="ltr"]', { hasText: "I-24/7" });
    expect(await latin.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
    await page.screenshot({ path: join(screenshots, `document-${viewport}.png`), fullPage: true });
    await page.close();
  });
});
