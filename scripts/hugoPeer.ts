// The benchmark's peer: what a maintainer would pick instead of this
// project, Hugo building the same documents into HTML and Pagefind's own CLI
// indexing Hugo's output (one index, its default settings), measured in the
// same run as our build. The Hugo site (configuration, a minimal
// right-to-left layout, the documents as Markdown) is written by
// writeHugoSite() into the benchmark's temporary folder. Without Hugo the
// peer is Pagefind's CLI alone over our own built pages.
//
// Both peers get the same search page (writePeerSearchPage): Pagefind's JS
// API, ten results' data loaded as our search page loads them, and the
// status line and result links scripts/searchWeight.ts waits for.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pagefindBinary } from "../src/search/pagefindCli.ts";
import { cpuOf, runSampled, type SampledRun } from "./processTree.ts";

/** Where the benchmark expects Debian's hugo; any hugo on PATH does as well. */
export const HUGO = "hugo";

/** Hugo's version line, or undefined when no hugo runs. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync(HUGO, ["version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

const HUGO_CONFIG = `baseURL = "/"
languageCode = "ar"
defaultContentLanguage = "ar"
title = "أرشيف"
`;

const BASEOF = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ .Title }}</title></head>
<body><header><a href="/">أرشيف</a> <a href="/search/">بحث</a></header>{{ block "main" . }}{{ end }}</body>
</html>
`;

/** A document page: only its body is indexed, as in our build. */
const SINGLE = `{{ define "main" }}<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main>{{ end }}
`;

/** Home and section pages: every page listed, as our timeline lists every document. */
const LIST = `{{ define "main" }}<main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main>{{ end }}
`;

const SEARCH_PAGE = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>بحث</title></head>
<body><main><p class="search-status"></p><ol class="search-results"></ol></main><script type="module" src="/search/peer-search.js"></script></body>
</html>
`;

/** Pagefind's JS API as a plain site would use it: one search, the first ten results' data, as our UI shows ten. */
const SEARCH_SCRIPT = `const query = new URLSearchParams(location.search).get("q") ?? "";
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(query);
const shown = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
const list = document.querySelector(".search-results");
for (const data of shown) {
  const link = document.createElement("a");
  link.className = "search-result-link";
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const item = document.createElement("li");
  item.append(link);
  list.append(item);
}
document.querySelector(".search-status").textContent = search.results.length === 0 ? "لا نتائج" : search.results.length + " نتيجة";
`;

/** The peer's search page, /search/, into a site folder (or Hugo's static folder). */
export function writePeerSearchPage(dir: string): void {
  mkdirSync(join(dir, "search"), { recursive: true });
  writeFileSync(join(dir, "search", "index.html"), SEARCH_PAGE);
  writeFileSync(join(dir, "search", "peer-search.js"), SEARCH_SCRIPT);
}

/** One of our plain-text documents as a Hugo content file: its first line the title, the rest Markdown paragraphs. */
export function hugoDocument(text: string): string {
  const [title = "", ...body] = text.split("\n");
  // A JSON string is a YAML double-quoted scalar.
  return `---\ntitle: ${JSON.stringify(title.trim())}\n---\n${body.join("\n")}`;
}

/** A Hugo site of the corpus's .txt documents in `dir`: configuration, layouts, content/documents/, the search page. */
export function writeHugoSite(corpus: string, dir: string): void {
  const files: Record<string, string> = {
    "hugo.toml": HUGO_CONFIG,
    "layouts/_default/baseof.html": BASEOF,
    "layouts/_default/single.html": SINGLE,
    "layouts/_default/list.html": LIST,
    "content/documents/_index.md": `---\ntitle: "الوثائق"\n---\n`,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  for (const name of readdirSync(corpus).filter((file) => file.endsWith(".txt")).sort()) {
    writeFileSync(join(dir, "content/documents", name.replace(/\.txt$/, ".md")), hugoDocument(readFileSync(join(corpus, name), "utf8")));
  }
  writePeerSearchPage(join(dir, "static"));
}

export interface PeerRun {
  /** "Hugo + Pagefind" or "Pagefind's CLI alone". */
  name: string;
  /** Each step (hugo, pagefind) as measured. */
  steps: { name: string; run: SampledRun }[];
  seconds: number;
  cpuSeconds: number;
  /** The larger of the steps' tree peaks (they run one after the other). */
  treePeakKb: number;
  /** The site to search: the peer's pages (or our pages without Hugo), its Pagefind index and search page. */
  site: string;
  /** Pages Pagefind indexed, as it reports them. */
  pages: number | undefined;
}

async function step(name: string, command: string, args: string[]): Promise<{ name: string; run: SampledRun }> {
  const run = await runSampled(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`the peer's ${name} failed with status ${run.status}:\n${run.stdout}`);
  return { name, run };
}

function peerRun(name: string, steps: { name: string; run: SampledRun }[], site: string): PeerRun {
  const pages = /Indexed (\d+) pages?/.exec(steps.at(-1)?.run.stdout ?? "")?.[1];
  return {
    name,
    steps,
    seconds: steps.reduce((total, { run }) => total + run.seconds, 0),
    cpuSeconds: steps.reduce((total, { run }) => total + cpuOf(run), 0),
    treePeakKb: Math.max(...steps.map(({ run }) => run.treePeakKb)),
    site,
    pages: pages === undefined ? undefined : Number(pages),
  };
}

/**
 * Hugo + Pagefind, as a Hugo user builds a searchable site: `hugo --minify`
 * (our build minifies too), then `pagefind_extended --site public` with its
 * defaults; each starts after `sync`, as our build does. The Hugo site is
 * written under `work` first (not timed).
 */
export async function runHugoPeer(corpus: string, work: string): Promise<PeerRun> {
  const source = join(work, "hugo-site");
  const site = join(work, "hugo-public");
  writeHugoSite(corpus, source);
  execFileSync("sync");
  const hugo = await step("hugo", HUGO, ["--source", source, "--destination", site, "--cacheDir", join(work, "hugo-cache"), "--minify", "--quiet"]);
  execFileSync("sync");
  const pagefind = await step("pagefind", pagefindBinary(), ["--site", site]);
  return peerRun("Hugo + Pagefind", [hugo, pagefind], site);
}

/** Without Hugo: Pagefind's CLI alone over our built pages, its index and the peer's search page in a folder of their own under `work`. */
export async function runPagefindPeer(ourSite: string, work: string): Promise<PeerRun> {
  const site = join(work, "pagefind-peer");
  writePeerSearchPage(site);
  execFileSync("sync");
  const pagefind = await step("pagefind", pagefindBinary(), ["--site", ourSite, "--output-path", join(site, "pagefind"), "--force-language", "ar"]);
  return peerRun("Pagefind's CLI alone (no hugo installed)", [pagefind], site);
}
