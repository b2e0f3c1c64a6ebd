// The weight of one search: how many bytes a reader's browser fetches to run
// one search on a built site, measured in Chromium.
//
//   node --import tsx scripts/searchWeight.ts SITE_DIR [QUERY…] [--org=ID] [--year=YYYY] [--sort=newest|oldest] [--json]
//
// serves SITE_DIR on 127.0.0.1, opens /search/?q=QUERY (default: الاتجار) in
// a fresh browser profile, waits until the results are shown and the network
// has been quiet for a second, and adds up every response the server sent
// because of the search: everything but the page's own HTML, stylesheets and
// fonts (and the browser's favicon request). That is the search UI's scripts
// and labels, and, for every Pagefind shard, pagefind.js, its worker and
// WebAssembly, pagefind-entry.json, the pf_meta, the index chunks, the filter
// files and the fragments of the results shown.
//
// Two figures: `bytes`, the files as they are on disk (what this server
// sends), and `gzipBytes`, the same with every text file (js, json, css,
// html…) gzip-compressed at level 9, as a host such as Netlify sends them;
// Pagefind's own files (.pagefind, .pf_*) are gzip-compressed already and count
// as they are. Bodies only: HTTP headers are not counted (a few hundred bytes
// a request). 1 kB = 1000 bytes in the printed tables.
import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { SHARD_PREFIX } from "../src/search/browser.ts";
import { serveSite, type ServedRequest, type StaticServer } from "./staticServer.ts";

export const KINDS = ["ui scripts", "pagefind.js", "worker", "wasm", "entry/meta", "filters", "index chunks", "fragments", "other"] as const;
export type Kind = (typeof KINDS)[number];

export interface Weight {
  /** Bytes on disk of the files fetched. */
  bytes: number;
  /** The same with text files gzip-compressed (level 9): what a compressing host sends. */
  gzipBytes: number;
  requests: number;
}

export interface WeighedRequest extends Weight {
  path: string;
  status: number;
  kind: Kind;
  /** The Pagefind bundle it belongs to ("shard-0" for the bundle itself, "shard-1"…), or "" when none. */
  shard: string;
}

export interface SearchWeight extends Weight {
  query: string;
  /** The further parameters of the search page's address (MeasureOptions.params). */
  params: Record<string, string>;
  byKind: Record<Kind, Weight>;
  /** Pagefind requests by shard ("shard-0" is the bundle itself); the UI's own files are under "ui", anything else under "other". */
  byShard: Record<string, Weight>;
  /** Every request counted, in the order they were made. */
  fetched: WeighedRequest[];
  /** What the page itself loaded (HTML, CSS, fonts): not counted. */
  page: Weight;
  /** The search page's status line once the results were shown (e.g. "213 نتيجة."). */
  status: string;
  /** Result links shown. */
  shown: number;
  /** Console errors and uncaught exceptions in the page. */
  errors: string[];
  /** Count of counted requests whose path was requested more than once. */
  repeated: number;
}

export interface MeasureOptions {
  /** Chromium binary; default $CHROME_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /** How long the network must be quiet after the results are shown, ms (default 1000). */
  quietMs?: number;
  /** Give up after this long, ms (default 180000). */
  timeoutMs?: number;
  /** More parameters of the search page's address: org, year, sort (e.g. { sort: "newest" }). */
  params?: Record<string, string>;
}

const TEXT_EXTENSIONS = new Set([".js", ".mjs", ".json", ".css", ".html", ".svg", ".xml", ".txt", ".csv"]);
const PAGEFIND_FILE = new RegExp(
  `^(?:.*?/)?(?:(${SHARD_PREFIX}\\d+)/)?(pagefind\\.js|pagefind-worker\\.js|wasm\\.[^/]+\\.pagefind|pagefind-entry\\.json|pagefind\\.[^/]+\\.pf_meta|index/[^/]+\\.pf_index|fragment/[^/]+\\.pf_fragment|filter/[^/]+\\.pf_filter)$`,
);
/** Page requests, not the search's: the document, its stylesheets, fonts and images, the favicon. */
const PAGE_DESTINATIONS = new Set(["document", "style", "font", "image"]);

function emptyWeight(): Weight {
  return { bytes: 0, gzipBytes: 0, requests: 0 };
}

function add(total: Weight, part: Weight): void {
  total.bytes += part.bytes;
  total.gzipBytes += part.gzipBytes;
  total.requests += part.requests;
}

const gzipSizes = new Map<string, number>();

/** What a compressing host would send for a file: gzip -9 for text, the bytes as they are otherwise. */
function compressedSize(file: string | null, bytes: number): number {
  if (file === null || !TEXT_EXTENSIONS.has(extname(file))) return bytes;
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = Math.min(bytes, gzipSync(readFileSync(file), { level: 9 }).length);
    gzipSizes.set(file, size);
  }
  return size;
}

function pagefindKind(name: string): Kind {
  if (name === "pagefind.js") return "pagefind.js";
  if (name === "pagefind-worker.js") return "worker";
  if (name.endsWith(".pagefind")) return "wasm";
  if (name === "pagefind-entry.json" || name.endsWith(".pf_meta")) return "entry/meta";
  if (name.startsWith("index/")) return "index chunks";
  if (name.startsWith("fragment/")) return "fragments";
  return "filters";
}

/** Kind and shard of a request counted as the search's. */
export function classify(path: string): { kind: Kind; shard: string } {
  const pagefind = PAGEFIND_FILE.exec(path);
  if (pagefind) return { kind: pagefindKind(pagefind[2] ?? ""), shard: pagefind[1] ?? `${SHARD_PREFIX}0` };
  if (/\/assets\/search\/[^/]+\.(?:m?js|json)$/.test(path)) return { kind: "ui scripts", shard: "" };
  return { kind: "other", shard: "" };
}

function isPageRequest(request: ServedRequest, index: number): boolean {
  if (request.path === "/favicon.ico") return true;
  if (request.dest !== "") return PAGE_DESTINATIONS.has(request.dest);
  // No Sec-Fetch-Dest (an older browser): the first request is the navigation.
  return index === 0 || [".css", ".woff2", ".woff", ".ico", ".html"].includes(extname(request.path));
}

const delay = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

/** Open the search page in a fresh Chromium profile, wait for the results and a quiet network; the status line and how many results are shown. */
async function searchInChromium(server: StaticServer, query: string, options: MeasureOptions, errors: string[]): Promise<{ status: string; shown: number }> {
  const quietMs = options.quietMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const browser = await chromium.launch({ executablePath: options.executablePath ?? process.env.CHROME_PATH ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    page.on("console", (message) => {
      // The browser's own favicon request (a 404 on a site without one) is no error of the search.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    const address = new URLSearchParams({ q: query, ...options.params });
    await page.goto(`${server.url}/search/?${address}`, { timeout: timeoutMs });
    // Results shown: a result link, or a status that says there are none.
    await page.waitForFunction(
      () => {
        const statusLine = document.querySelector(".search-status")?.textContent?.trim() ?? "";
        return document.querySelector(".search-result-link") !== null || statusLine.startsWith("لا");
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    // Then the network quiet: nothing in flight and nothing new for quietMs (worker requests included, as the server sees them).
    const deadline = performance.now() + timeoutMs;
    while (server.inFlight > 0 || performance.now() - server.lastActivity < quietMs) {
      if (performance.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs} ms`);
      await delay(100);
    }
    const status = (await page.locator(".search-status").first().textContent())?.trim() ?? "";
    const shown = await page.locator(".search-result-link").count();
    await context.close();
    return { status, shown };
  } finally {
    await browser.close();
  }
}

/** Fetch, in Chromium, the search page of `siteDir` for `query`, and add up what the search fetched. */
export async function measureSearchWeight(siteDir: string, query: string, options: MeasureOptions = {}): Promise<SearchWeight> {
  const server = await serveSite(resolve(siteDir));
  const errors: string[] = [];
  let shownResults: { status: string; shown: number };
  try {
    shownResults = await searchInChromium(server, query, options, errors);
  } catch (error) {
    const failed = server.log.filter((request) => request.status !== 200).map((request) => `${request.status} ${request.path}`);
    const details = [...errors, ...failed.map((line) => `failed request: ${line}`)];
    throw new Error(`search for "${query}" on ${siteDir}: ${String(error)}${details.length > 0 ? `\n  ${details.join("\n  ")}` : ""}`, { cause: error });
  } finally {
    await server.close();
  }
  const { status, shown } = shownResults;

  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, emptyWeight()])) as Record<Kind, Weight>;
  const byShard: Record<string, Weight> = {};
  const total = emptyWeight();
  const page = emptyWeight();
  const fetched: WeighedRequest[] = [];
  const seen = new Map<string, number>();
  server.log.forEach((request, index) => {
    const weight: Weight = { bytes: request.bytes, gzipBytes: compressedSize(request.file, request.bytes), requests: 1 };
    if (isPageRequest(request, index)) {
      add(page, weight);
      return;
    }
    const { kind, shard } = classify(request.path);
    fetched.push({ path: request.path, status: request.status, kind, shard, ...weight });
    seen.set(request.path, (seen.get(request.path) ?? 0) + 1);
    add(byKind[kind], weight);
    add((byShard[shard || (kind === "other" ? "other" : "ui")] ??= emptyWeight()), weight);
    add(total, weight);
  });
  const repeated = [...seen.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
  return { query, params: { ...options.params }, ...total, byKind, byShard, fetched, page, status, shown, errors, repeated };
}

// --- Command line -------------------------------------------------------

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")).join("\n");
}

function weightRows(entries: [string, Weight][], total: Weight): string[][] {
  return [
    ["", "requests", "raw kB", "gzip kB"],
    ...entries.filter(([, weight]) => weight.requests > 0).map(([name, weight]) => [name, String(weight.requests), kB(weight.bytes), kB(weight.gzipBytes)]),
    ["total", String(total.requests), kB(total.bytes), kB(total.gzipBytes)],
  ];
}

/** The printed report of one measurement. */
export function formatSearchWeight(weight: SearchWeight, budgetBytes = 150_000): string {
  const shards = Object.entries(weight.byShard).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  const verdict = weight.gzipBytes <= budgetBytes ? "within" : "OVER";
  const lines = [
    `query: ${weight.query}${Object.entries(weight.params).map(([key, value]) => ` ${key}=${value}`).join("")} — ${weight.status || "(no status)"} ${weight.shown} shown`,
    "",
    table(weightRows(KINDS.map((kind) => [kind, weight.byKind[kind]]), weight)),
    "",
    table(weightRows(shards, weight)),
    "",
    `search weight: ${kB(weight.bytes)} kB raw, ${kB(weight.gzipBytes)} kB gzip, ${weight.requests} requests — ${verdict} the ${kB(budgetBytes)} kB budget (gzip figure)`,
    `not counted (the page's HTML, CSS, fonts): ${kB(weight.page.bytes)} kB raw, ${kB(weight.page.gzipBytes)} kB gzip, ${weight.page.requests} requests`,
  ];
  if (weight.repeated > 0) lines.push(`note: ${weight.repeated} requests were for a path fetched more than once`);
  const failed = weight.fetched.filter((request) => request.status !== 200);
  if (failed.length > 0) lines.push(`note: ${failed.length} requests failed: ${failed.map((request) => `${request.status} ${request.path}`).join(", ")}`);
  if (weight.errors.length > 0) lines.push(`page errors:\n  ${weight.errors.join("\n  ")}`);
  return lines.join("\n");
}

async function main(args: string[]): Promise<void> {
  const json = args.includes("--json");
  const params: Record<string, string> = {};
  for (const arg of args) {
    const param = /^--(org|year|sort)=(.+)$/.exec(arg);
    if (param) params[param[1] as string] = param[2] as string;
  }
  const [siteDir, ...queries] = args.filter((arg) => !arg.startsWith("--"));
  if (!siteDir) {
    console.error("usage: node --import tsx scripts/searchWeight.ts SITE_DIR [QUERY…] [--org=ID] [--year=YYYY] [--sort=newest|oldest] [--json]");
    process.exitCode = 2;
    return;
  }
  const results: SearchWeight[] = [];
  for (const query of queries.length > 0 ? queries : ["الاتجار"]) {
    const weight = await measureSearchWeight(siteDir, query, { params });
    results.push(weight);
    if (!json) console.log(`${formatSearchWeight(weight)}\n`);
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
