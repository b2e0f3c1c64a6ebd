// Issue #15: a Markdown document that tries every kind of active content (raw
// <script>, <iframe>, event attributes, javascript: links, images from another
// site), built, served on 127.0.0.1 with netlify.toml's headers and opened in
// Chromium: nothing runs and no request leaves the site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { fixturesDir, makeCorpus } from "../support/build.ts";
import { netlifyHeaders } from "../support/netlify.ts";
import { openSiteInBrowser, watchPage, type PageEvents, type SiteInBrowser } from "../support/site.ts";

let site: SiteInBrowser;
let page: Page;
let events: PageEvents;
const dialogs: string[] = [];

beforeAll(async () => {
  const corpus = makeCorpus({
    "active.md": { copyFrom: join(fixturesDir, "robustness-containment/active.md") },
    "good.txt": { copyFrom: join(fixturesDir, "corpus/interpol-doha-2017.txt") },
  });
  site = await openSiteInBrowser(corpus, { headers: await netlifyHeaders() });
  page = await site.browser.newPage();
  events = watchPage(page);
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${site.server.url}/documents/active/`, { waitUntil: "networkidle" });
}, 120_000);

afterAll(async () => {
  await site?.close();
});

describe("a Markdown document with active content, in Chromium", () => {
  it("requests nothing from another origin", () => {
    expect(events.requests.length).toBeGreaterThan(0);
    expect(events.requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
  });

  it("has no image, frame, script or event handler in its body, and runs nothing, even when its text is clicked", async () => {
    const body = page.locator(".document-body");
    expect(await body.locator("img, iframe, script, object, embed").count()).toBe(0);
    const handlers = await body.evaluate((element) =>
      [...element.querySelectorAll("*")].flatMap((node) => [...node.attributes].filter((attribute) => attribute.name.startsWith("on")).map((attribute) => attribute.name)),
    );
    expect(handlers).toEqual([]);
    for (const text of ["رابط", "رابط خبيث", "آخر"]) await body.getByText(text, { exact: false }).first().click();
    expect(dialogs).toEqual([]);
    expect(page.url()).toBe(`${site.server.url}/documents/active/`);
    expect(events.errors).toEqual([]);
  });

  it("shows the link that is allowed, and the images' descriptions as text", async () => {
    expect(await page.locator('.document-body a[href="https://www.unodc.org/"]').textContent()).toBe("رابط عادي");
    expect(await page.locator(".document-body").textContent()).toContain("صورة بعيدة");
  });
});
