// The timeline and organisation pages in a real Chromium at phone and desktop
// widths: nothing overflows sideways, the chart reads right to left and has an
// accessible name, the year navigator and lists are visible. Screenshots go to
// test-results/screenshots/.
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
  site = await openSiteInBrowser(join(fixturesDir, "timeline-corpus"));
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

async function open(path: string, viewport: keyof typeof VIEWPORTS): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
  await page.goto(server.url + path, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** How far the page can scroll sideways (0 when nothing overflows). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The on-screen centre x of each chart bar, oldest year first. */
function barCentres(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".year-chart-svg .chart-bar")].map((bar) => {
      const box = bar.getBoundingClientRect();
      return box.x + box.width / 2;
    }),
  );
}

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])("at %s width", (viewport) => {
  it("shows the timeline overview: chart right to left, year navigator, months", async () => {
    const page = await open("/timeline/", viewport);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const chart = page.getByRole("img", { name: /عدد الوثائق في كل سنة/ });
    expect(await chart.isVisible()).toBe(true);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
    // Bars in DOM order are oldest first; on screen the oldest is the rightmost.
    const centres = await barCentres(page);
    expect(centres).toHaveLength(4);
    expect(centres).toEqual([...centres].sort((a, b) => b - a));
    // The numbers as text: the hidden table is there for screen readers, not drawn.
    expect(await page.locator(".year-chart table").count()).toBe(1);
    expect((await page.locator(".year-chart .visually-hidden").boundingBox())!.width).toBeLessThanOrEqual(1);
    const years = page.locator(".year-nav a");
    expect(await years.allTextContents()).toEqual(["2021 4 وثائق", "2019 3 وثائق", "2018 4 وثائق", "2016 وثيقة واحدة", "غير مؤرخة وثيقتان"]);
    expect(await years.first().isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, `timeline-${viewport}.png`), fullPage: true });
    await page.close();
  });

  it("shows a year of the timeline grouped by month", async () => {
    const page = await open("/timeline/2021/", viewport);
    expect(await page.locator(".timeline-group h2").allTextContents()).toEqual([
      "تشرين الثاني/نوفمبر 2021 وثيقتان",
      "آذار/مارس 2021 وثيقة واحدة",
      "2021 (السنة فقط) وثيقة واحدة",
    ]);
    expect(await page.locator('.year-nav a[aria-current="page"]').textContent()).toBe("2021 4 وثائق");
    // Headings start at the right edge of the column.
    const [heading, column] = await Promise.all([page.locator(".timeline-group h2").first().boundingBox(), page.locator("main").boundingBox()]);
    expect(Math.abs(heading!.x + heading!.width - (column!.x + column!.width - 16))).toBeLessThan(2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, `timeline-year-${viewport}.png`), fullPage: true });
    await page.close();
  });

  it("shows the organisation index grouped by type", async () => {
    const page = await open("/organisations/", viewport);
    expect(await page.locator(".organisation-type h2").first().textContent()).toBe("منظومة الأمم المتحدة منظمتان");
    expect(await page.locator(".organisation-name").first().isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, `organisations-${viewport}.png`), fullPage: true });
    await page.close();
  });

  it("shows an organisation page with its documents, chart and related organisations", async () => {
    const page = await open("/organisations/interpol/", viewport);
    expect(await page.locator("h1").textContent()).toBe("المنظمة الدولية للشرطة الجنائية");
    expect(await page.locator(".organisation-documents .document-card").count()).toBe(10);
    expect(await page.getByRole("img", { name: /عدد الوثائق في كل سنة/ }).isVisible()).toBe(true);
    expect(await page.locator(".related-list li").count()).toBe(5);
    expect(await page.getByRole("link", { name: "ابحث عن هذه المنظمة" }).isVisible()).toBe(true);
    // The English name reads left to right inside the Arabic page.
    expect(await page.locator(".organisation-en").evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
    const [documents, aside] = await Promise.all([page.locator(".organisation-documents").boundingBox(), page.locator(".organisation-aside").boundingBox()]);
    if (viewport === "desktop") {
      // Two columns: the documents at the right (start), the chart and related list at the left.
      expect(documents!.x).toBeGreaterThan(aside!.x + aside!.width - 1);
    } else {
      expect(aside!.y).toBeGreaterThan(documents!.y + documents!.height - 1);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, `organisation-${viewport}.png`), fullPage: true });
    await page.close();
  });

  it("shows a document's neighbours in the timeline without overflowing", async () => {
    const page = await open("/documents/tl-2019-03-14-amman/", viewport);
    const previous = page.locator('a[rel="prev"]');
    const next = page.locator('a[rel="next"]');
    expect(await previous.isVisible()).toBe(true);
    expect(await next.isVisible()).toBe(true);
    if (viewport === "desktop") {
      // Side by side: previous at the start (right), next at the end (left).
      expect((await previous.boundingBox())!.x).toBeGreaterThan((await next.boundingBox())!.x);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, `document-neighbours-${viewport}.png`), fullPage: true });
    await page.close();
  });
});
