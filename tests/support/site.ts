// A corpus built with the real build command, served on 127.0.0.1, and a Chromium to look at it.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite, projectRoot } from "./build.ts";
import { launchBrowser } from "./browser.ts";
import { serveSite, type StaticServer } from "./server.ts";

export const screenshotsDir = join(projectRoot, "test-results/screenshots");

export interface SiteInBrowser {
  server: StaticServer;
  browser: Browser;
  output: string;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Response headers per path (e.g. netlify.toml's). */
  headers?: (path: string) => Record<string, string>;
  /** Called with the output folder before serving it. */
  beforeServing?: (output: string) => void;
}

export async function openSiteInBrowser(corpus: string, options: SiteOptions = {}): Promise<SiteInBrowser> {
  const run = buildSite(corpus);
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  options.beforeServing?.(run.output);
  const server = await serveSite(run.output, options.headers);
  const browser = await launchBrowser();
  mkdirSync(screenshotsDir, { recursive: true });
  return {
    server,
    browser,
    output: run.output,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageEvents {
  requests: string[];
  /** Console errors, uncaught exceptions and failed responses. */
  errors: string[];
}

/** Record every request a page makes and every error it reports. */
export function watchPage(page: Page): PageEvents {
  const events: PageEvents = { requests: [], errors: [] };
  page.on("request", (request) => events.requests.push(request.url()));
  page.on("console", (message) => {
    // A failed request is reported below with its address; the favicon this site does not have is no error.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) events.errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) events.errors.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => events.errors.push(error.message));
  return events;
}
