// One shard of the search index, written by Pagefind's own command-line
// indexer (the binary the pagefind package installs) over a folder of small
// HTML pages, one per search record. Measured on 2,000 synthetic documents,
// the same records through Pagefind's Node API (its service, which handles
// one message at a time) cost about a third more CPU and nearly twice the
// wall time as the CLI, which parses and writes on every core; and the API
// needs a Node process of its own to stay responsive while Eleventy renders.
// The pages carry exactly what the record holds, so the index is the same:
// the body is the record's index text, and its metadata, filters and sort
// are marked in a part Pagefind reads for them but does not index as text.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:process";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { writeDateOrder } from "./dateOrder.ts";
import type { SearchRecord } from "./records.ts";
import type { ShardKey } from "./shards.ts";

/** Pagefind's Default, Modular and Component UIs and its highlighter: not used, not shipped. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/**
 * Pagefind's extended indexer: PAGEFIND_EXTENDED_BINARY_PATH when set (as
 * the pagefind package itself honours), else the binary of the platform
 * package npm installed beside pagefind.
 */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const platformPackage = `@pagefind/${platform === "win32" ? "windows" : platform}-${arch}`;
  const executable = platform === "win32" ? "pagefind_extended.exe" : "pagefind_extended";
  let binary: string;
  try {
    binary = createRequire(import.meta.url).resolve(`${platformPackage}/bin/${executable}`);
  } catch {
    throw new Error(`Pagefind's indexer for this machine (${platformPackage}) is not installed: run \`npm ci\` (it is an optional dependency of pagefind), or set PAGEFIND_EXTENDED_BINARY_PATH`);
  }
  if (!existsSync(binary)) throw new Error(`Pagefind's indexer ${binary} is missing: run \`npm ci\` again`);
  return binary;
}

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The page Pagefind indexes for a record: its text, metadata and filters
 * (its sort is not Pagefind's: see dateOrder.ts). Everything is inside
 * data-pagefind-body; the metadata and filter elements are inside
 * data-pagefind-ignore, which keeps their text out of the body while Pagefind
 * still reads them (so a meta field is searchable, as in a custom record).
 * The body text is bare, in no block element: Pagefind ends a block's text
 * with a full stop when it has none, which the record's text does not have.
 */
export function recordPage(record: SearchRecord): string {
  const marked = [
    ...Object.entries(record.meta).map(([name, value]) => `<p data-pagefind-meta="${escapeHtml(name)}">${escapeHtml(value)}</p>`),
    ...Object.entries(record.filters).flatMap(([name, values]) => values.map((value) => `<p data-pagefind-filter="${escapeHtml(name)}">${escapeHtml(value)}</p>`)),
  ];
  return `<!doctype html><html lang="${escapeHtml(record.language)}"><body data-pagefind-body><div data-pagefind-ignore>${marked.join("")}</div>${escapeHtml(record.content)}</body></html>\n`;
}

/**
 * Where a record's page goes under the shard's folder, so that Pagefind gives
 * it the record's URL: /documents/x/ is documents/x/index.html.
 */
export function recordPagePath(url: string): string {
  const path = decodeURI(url);
  if (!path.startsWith("/") || !path.endsWith("/") || path.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`a search record's URL must be a folder address such as /documents/name/, not ${url}`);
  }
  return `${path.slice(1)}index.html`;
}

/**
 * Write a shard's records as pages under `site`, one folder per URL, at
 * once: written, a page holds no memory, and the build's thread could not
 * be relied on to finish asynchronous writes while Eleventy renders.
 */
export function writeRecordPages(records: readonly SearchRecord[], site: string): void {
  for (const record of records) {
    const file = join(site, recordPagePath(record.url));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, recordPage(record));
  }
}

/** Run the indexer over `site`, writing the bundle to `outputPath`; fails with what Pagefind printed. */
function runIndexer(site: string, outputPath: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The working folder is the job's own, so no pagefind.yml of the project or the corpus is read.
    const child = spawn(pagefindBinary(), ["--site", site, "--output-path", outputPath, "--force-language", "ar", "--quiet"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let printed = "";
    child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Pagefind could not index ${outputPath} (${signal ?? `exit code ${code}`}):\n${printed.trim()}`));
    });
  });
}

/** An index of no pages: Pagefind's CLI refuses an empty site, its Node API writes the runtime and an empty index. */
async function writeEmptyIndex(outputPath: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: "ar" });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}

/** A shard to index: the folder of its pages (writeRecordPages), none when it has no records, where its bundle goes, and its pages' URLs and dates in date order. */
export interface ShardSite {
  site: string | null;
  outputPath: string;
  pages: readonly ShardKey[];
}

/** Index one shard and write its bundle, with its date order, to `outputPath`; its pages are removed afterwards. */
export async function indexShard({ site, outputPath, pages }: ShardSite, cwd: string): Promise<void> {
  try {
    if (site === null) await writeEmptyIndex(outputPath);
    else await runIndexer(site, outputPath, cwd);
  } finally {
    if (site !== null) await rm(site, { recursive: true, force: true });
  }
  // Pagefind also writes its own ready-made UIs; ours is layouts/assets/search-ui.js.
  await Promise.all((await readdir(outputPath)).filter((name) => UNUSED_FILES.test(name)).map((name) => rm(join(outputPath, name))));
  await writeDateOrder(outputPath, pages);
}
