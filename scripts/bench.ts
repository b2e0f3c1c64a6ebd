// The build benchmark: npm run bench -- [N=1000] [--no-dev] [--no-peer] [--keep]
//
// Generates a deterministic synthetic corpus of N documents, runs the real
// production build on it and, in the same run, the peer: Hugo building the
// same documents into HTML plus Pagefind's own CLI over Hugo's pages
// (scripts/hugoPeer.ts; Pagefind's CLI alone over our pages when no `hugo`
// is installed). Then the development server (npm start): one document
// edited, timed until the site and the search index are fresh. It prints,
// from this one run:
//   - wall time per build stage (from the build's own timings),
//   - wall and CPU time, and peak memory of the whole process tree, ours and
//     the peer's (scripts/processTree.ts: the largest sum of resident memory
//     over the tree, sampled), with each process's own peak and CPU time,
//   - the bytes one search downloads (in Chromium) for a word in every
//     document, a rare word and a word in no document, on our site and on
//     the peer's (one Pagefind index with its defaults),
//   - output bytes, Pagefind bytes, the page weight of a document,
//   - the I/O floor: reading every input and writing the same output bytes
//     (the smallest of three runs, each after `sync`),
//   - the development server's refresh after one edited document, against
//     that floor (skipped with --no-dev);
// and the targets, each as a ratio against the peer (or the floor) of this run.
// Machines here are shared and noisy: compare ratios from the same run.
import { execFileSync, type SpawnOptions } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../src/project.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { startDevServer } from "./devServer.ts";
import { hugoVersion, runHugoPeer, runPagefindPeer, type PeerRun } from "./hugoPeer.ts";
import { pagefindBinary } from "../src/search/pagefindCli.ts";
import { cpuOf, runSampled, type SampledRun } from "./processTree.ts";
import { formatSearchWeight, KINDS, measureSearchWeight, type SearchWeight } from "./searchWeight.ts";

const format = (value: number, digits = 2): string => value.toFixed(digits);
const megabytes = (kb: number): string => `${Math.round(kb / 1024).toLocaleString("en-US")} MB`;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function bytesOf(dir: string): number {
  return allFiles(dir).reduce((total, file) => total + statSync(file).size, 0);
}

/** `npm run build` on the corpus, as a maintainer runs it, sampling the memory of every process it starts. */
function runBuild(input: string, output: string, timingsFile: string): Promise<SampledRun> {
  const options: SpawnOptions = { cwd: projectRoot, env: { ...process.env, ARCHIVE_TIMINGS: timingsFile }, stdio: ["ignore", "ignore", "inherit"] };
  return runSampled("npm", ["run", "--silent", "build", "--", `--input=${input}`, `--output=${output}`, "--quiet"], options);
}

/** A word of no document: what any search costs before it finds anything. */
const ABSENT_WORD = "زرافةغيرموجودة";

interface Query {
  kind: string;
  word: string;
  /** Documents whose text holds the word as written. */
  documents: number;
}

/**
 * The three searches, chosen from the corpus: the Arabic word of at least
 * four letters held by the most documents, the one held by the fewest (ties
 * broken alphabetically, so the same corpus gives the same words), and a
 * word of none.
 */
function chooseQueries(input: string): Query[] {
  const held = new Map<string, number>();
  const files = readdirSync(input).filter((name) => name.endsWith(".txt"));
  for (const name of files) {
    const words = new Set(readFileSync(join(input, name), "utf8").split(/[^\u0621-\u064A]+/).filter((word) => word.length >= 4));
    for (const word of words) held.set(word, (held.get(word) ?? 0) + 1);
  }
  const ranked = [...held].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const [common = "", most = 0] = ranked[0] ?? [];
  const fewest = ranked.at(-1)?.[1] ?? 0;
  const [rare = ""] = ranked.find(([, count]) => count === fewest) ?? [];
  if (held.has(ABSENT_WORD)) throw new Error(`the corpus holds ${ABSENT_WORD}, the benchmark's word of no document`);
  return [
    { kind: most === files.length ? "a word in every document" : "the most common word", word: common, documents: most },
    { kind: "a rare word", word: rare, documents: fewest },
    { kind: "a word in no document", word: ABSENT_WORD, documents: 0 },
  ];
}

/** How long the benchmark waits for the development server: its first build of a large archive takes minutes. */
const DEV_DEADLINE_MS = 60 * 60 * 1000;

/** Words added to the edited document: found in its page once the site is fresh. */
const EDIT_MARKER = "فقرة أضيفت لقياس سرعة التحديث";

/**
 * Start the development server (what `npm start` runs) on the corpus, wait
 * for its first build, append a paragraph to one document, and time until
 * the rebuild that follows has finished (scripts/devServer.ts notes when each
 * build's "Wrote N files" arrives).
 */
async function devRefresh(input: string, output: string, edited: string): Promise<{ firstBuild: number; refresh: number }> {
  const server = await startDevServer([`--input=${input}`, `--output=${output}`, "--quiet"], DEV_DEADLINE_MS);
  try {
    const firstBuild = ((await server.waitFor("the first build", () => server.buildsFinished()[0])) - server.startedAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the watcher settle
    const edit = performance.now();
    appendFileSync(join(input, edited), `\n\n${EDIT_MARKER}.\n`);
    const refresh = ((await server.waitFor("the rebuild after the edit", () => server.buildsFinished()[1])) - edit) / 1000;
    const page = allFiles(join(output, "documents")).find((file) => readFileSync(file, "utf8").includes(EDIT_MARKER));
    if (!page) throw new Error(`the rebuild finished but no document page shows the edit:\n${server.output()}`);
    return { firstBuild, refresh };
  } finally {
    await server.stop();
  }
}

interface OutputFile {
  path: string;
  bytes: Buffer;
}

/** Read every input file, then write the site's bytes as the same files: what any build must at least do. */
function ioFloor(input: string, contents: OutputFile[]): number {
  const target = mkdtempSync(join(tmpdir(), "archive-floor-"));
  const started = performance.now();
  for (const file of allFiles(input)) readFileSync(file);
  for (const { path, bytes } of contents) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), bytes);
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(target, { recursive: true, force: true });
  return seconds;
}

/** How many times the floor is measured. */
const FLOOR_RUNS = 3;

/**
 * The floor is itself a measurement on a shared machine: the build, and each
 * run before, leave hundreds of MB of dirty pages, and the kernel's writeback
 * throttling slows the writes that follow (without sync, the same floor
 * measured 1.1 s, 9 s and 16 s in a row). So each run starts after `sync`, and the smallest is the
 * floor: it makes every ratio larger, never smaller.
 */
function measureFloor(input: string, output: string): { floor: number; runs: number[] } {
  const contents = allFiles(output).map((file) => ({ path: relative(output, file), bytes: readFileSync(file) }));
  const runs = Array.from({ length: FLOOR_RUNS }, () => {
    execFileSync("sync");
    return ioFloor(input, contents);
  });
  return { floor: Math.min(...runs), runs };
}

/** Pagefind's CLI holds about 0.5 GB per 1,000 pages: above this many documents the peer is skipped. */
const PEER_MAX_DOCUMENTS = 20_000;

/** Why the peer is not run, if it is not. */
function peerSkipped(count: number): string | undefined {
  if (process.argv.includes("--no-peer")) return "--no-peer";
  if (count > PEER_MAX_DOCUMENTS) {
    return `${count.toLocaleString("en-US")} documents, more than ${PEER_MAX_DOCUMENTS.toLocaleString("en-US")}: its Pagefind needs about 0.5 GB per 1,000 pages (about ${format(count / 2000, 0)} GB here)`;
  }
  return undefined;
}

/** Each process of a run, largest first, then the tree's totals. */
function printProcesses(run: SampledRun): void {
  for (const peak of [...run.peaks].sort((a, b) => b.peakKb - a.peakKb)) {
    console.log(`  ${peak.command.padEnd(20)} ${format(peak.peakKb / 1024, 0).padStart(6)} MB ${format(peak.cpuSeconds, 1).padStart(8)} s CPU`);
  }
  const cpu = cpuOf(run);
  console.log(`  all processes: ${format(cpu, 1)} s CPU in ${format(run.seconds, 1)} s wall (${format(cpu / run.seconds, 2)} cores busy on average); whole tree at its peak ${megabytes(run.treePeakKb)}`);
}

const ratio = (ours: number, peer: number): string => `${format(ours / peer, 2)}×`;

/**
 * What a search costs in Pagefind's files (its script, worker, WebAssembly,
 * entry and metadata, filters, index chunks, excerpts): the search-bytes
 * target compares these, the index and runtime the issue names. The search
 * pages' own scripts are left out on both sides and printed beside it: ours
 * is the archive's search UI, the peer's is the benchmark's 0.4 kB stand-in,
 * where a real site would ship Pagefind's own UI.
 */
const pagefindBytes = (weight: SearchWeight): number => weight.gzipBytes - weight.byKind["ui scripts"].gzipBytes - weight.byKind.other.gzipBytes;

/** A search's gzipped kB by kind of file, on one line, so the two sites' searches compare at a glance. */
const byKind = (weight: SearchWeight): string =>
  KINDS.filter((kind) => weight.byKind[kind].requests > 0)
    .map((kind) => `${kind} ${format(weight.byKind[kind].gzipBytes / 1000, 1)} (${weight.byKind[kind].requests})`)
    .join(", ");

interface Searched {
  query: Query;
  ours: SearchWeight;
  peer: SearchWeight | undefined;
}

async function main(): Promise<void> {
  const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);
  const keep = process.argv.includes("--keep");
  const peerSkip = peerSkipped(count);
  const hugo = peerSkip === undefined ? hugoVersion() : undefined;
  if (peerSkip === undefined) {
    pagefindBinary(); // before the build, so a missing binary costs no build
    console.log(hugo ? `peer: Hugo + Pagefind (${hugo})` : "peer: no `hugo` installed (Debian: apt-get install hugo), so the peer is Pagefind's CLI alone over our built pages");
  }
  const work = mkdtempSync(join(tmpdir(), `archive-bench-${count}-`));
  const input = join(work, "corpus");
  const output = join(work, "site");
  const timingsFile = join(work, "timings.json");

  try {
    const generated = performance.now();
    mkdirSync(input);
    generateCorpus(count, input);
    console.log(`corpus: ${count} documents, ${format(bytesOf(input) / 1e6)} MB, generated in ${format((performance.now() - generated) / 1000)} s`);

    execFileSync("sync"); // the build starts, as the floor does, with nothing left to write out
    const build = await runBuild(input, output, timingsFile);
    if (build.status !== 0) throw new Error(`the build failed with status ${build.status}`);
    const { floor, runs: floorRuns } = measureFloor(input, output);
    const peer: PeerRun | undefined = peerSkip !== undefined ? undefined : hugo ? await runHugoPeer(input, work) : await runPagefindPeer(output, work);
    const timings = JSON.parse(readFileSync(timingsFile, "utf8")) as { stages: Record<string, number> };

    console.log(`\nproduction build: ${format(build.seconds)} s wall`);
    for (const [stage, milliseconds] of Object.entries(timings.stages)) console.log(`  ${stage.padEnd(48)} ${format(milliseconds / 1000).padStart(8)} s`);
    console.log("\npeak memory and CPU time per process:");
    printProcesses(build);
    if (peer) {
      const pages = peer.pages === undefined ? "" : `, ${peer.pages.toLocaleString("en-US")} pages indexed`;
      console.log(`\npeer, ${peer.name}: ${format(peer.seconds, 2)} s wall${pages}`);
      for (const { name, run } of peer.steps) {
        console.log(` ${name}: ${format(run.seconds, 2)} s wall`);
        printProcesses(run);
      }
    } else console.log(`\npeer: skipped (${peerSkip})`);

    const documentPage = allFiles(join(output, "documents")).find((file) => file.endsWith("index.html"));
    const css = allFiles(join(output, "assets")).find((file) => file.endsWith(".css"));
    const pageWeight = documentPage && css ? gzipSync(readFileSync(documentPage)).length + gzipSync(readFileSync(css)).length : 0;
    console.log(`\noutput: ${format(bytesOf(output) / 1e6)} MB in ${allFiles(output).length} files; Pagefind ${format(bytesOf(join(output, "pagefind")) / 1e6)} MB`);
    if (peer) console.log(`peer's output: ${format(bytesOf(peer.site) / 1e6)} MB in ${allFiles(peer.site).length} files; Pagefind ${format(bytesOf(join(peer.site, "pagefind")) / 1e6)} MB`);
    console.log(`a document page's HTML + CSS, gzipped: ${format(pageWeight / 1024, 1)} KB`);

    // Searches, as a reader makes them, on the site just built and on the peer's.
    const searched: Searched[] = [];
    for (const query of chooseQueries(input)) {
      const ours = await measureSearchWeight(output, query.word);
      const peerWeight = peer ? await measureSearchWeight(peer.site, query.word) : undefined;
      searched.push({ query, ours, peer: peerWeight });
      console.log(`\n${query.kind}, ${query.word} (as written in ${query.documents.toLocaleString("en-US")} of ${count.toLocaleString("en-US")} documents), in Chromium:\n${formatSearchWeight(ours)}`);
      if (peerWeight) {
        console.log(`peer's site: ${format(peerWeight.gzipBytes / 1000, 1)} kB gzip in ${peerWeight.requests} requests (${peerWeight.status}); ours ${ratio(ours.gzipBytes, peerWeight.gzipBytes)} of it`);
        console.log(`  kB gzip (requests) by kind, ours:   ${byKind(ours)}\n  kB gzip (requests) by kind, peer's: ${byKind(peerWeight)}`);
      }
    }

    console.log(
      `\nI/O floor, reading every input and writing the same output bytes: ${format(floor)} s (smallest of ${FLOOR_RUNS} runs: ${floorRuns.map((value) => format(value)).join(", ")} s; each after sync)`,
    );
    console.log(`build / floor: ${format(build.seconds / floor, 1)}×${peer ? `; the peer / floor: ${format(peer.seconds / floor, 1)}×` : ""}`);

    let refresh: number | undefined;
    if (!process.argv.includes("--no-dev")) {
      const edited = readdirSync(input).filter((name) => name.endsWith(".txt")).sort()[0] ?? "";
      const dev = await devRefresh(input, join(work, "dev-site"), edited);
      refresh = dev.refresh;
      console.log(`\ndevelopment server (npm start): first build ${format(dev.firstBuild)} s; after editing ${edited}, site and search index fresh in ${format(dev.refresh)} s`);
      console.log(`refresh / floor: ${format(dev.refresh / floor, 1)}×`);
    }

    // The targets of the performance issue, each against this run's own figures.
    const treeGb = build.treePeakKb / 1024 / 1024;
    const memoryBudgetGb = count <= 10_000 ? 2 : 7;
    const targets: [string, boolean | undefined, string][] = [
      [
        "build wall time at most 1.0× the peer's",
        peer ? build.seconds <= peer.seconds : undefined,
        peer ? `${ratio(build.seconds, peer.seconds)} (${format(build.seconds, 1)} s vs ${format(peer.seconds, 1)} s; CPU ${format(cpuOf(build), 1)} s vs ${format(peer.cpuSeconds, 1)} s, ${ratio(cpuOf(build), peer.cpuSeconds)})` : "no peer",
      ],
      ...searched.map(({ query, ours, peer: theirs }): [string, boolean | undefined, string] => [
        `search bytes (Pagefind's files) for ${query.kind} at most 1.0× the peer's`,
        theirs ? pagefindBytes(ours) <= pagefindBytes(theirs) : undefined,
        theirs
          ? `${ratio(pagefindBytes(ours), pagefindBytes(theirs))} (${format(pagefindBytes(ours) / 1000, 1)} kB vs ${format(pagefindBytes(theirs) / 1000, 1)} kB; with the pages' scripts ${format(ours.gzipBytes / 1000, 1)} kB in ${ours.requests} requests vs ${format(theirs.gzipBytes / 1000, 1)} kB in ${theirs.requests}, ${ratio(ours.gzipBytes, theirs.gzipBytes)})`
          : "no peer",
      ]),
      [
        `whole process tree under ${memoryBudgetGb} GB`,
        treeGb < memoryBudgetGb,
        `${megabytes(build.treePeakKb)}${peer ? `; the peer's ${megabytes(peer.treePeakKb)} (${ratio(build.treePeakKb, peer.treePeakKb)})` : ""}`,
      ],
      ["npm start fresh after a save within 2× the floor", refresh === undefined ? undefined : refresh / floor <= 2, refresh === undefined ? "not run" : `${format(refresh / floor, 1)}× (${format(refresh, 2)} s vs ${format(floor, 2)} s)`],
      ["a document page's HTML + CSS within 14 KB gzipped", pageWeight <= 14 * 1024, `${format(pageWeight / 1024, 1)} KB`],
    ];
    console.log(`\ntargets at N=${count.toLocaleString("en-US")}${peer ? `, against ${peer.name} in this run` : ""}:`);
    for (const [target, met, figure] of targets) console.log(`  ${met === undefined ? "–   " : met ? "met " : "NOT "} ${target}: ${figure}`);
  } finally {
    if (keep) console.log(`\nkept: ${work} (the corpus, our site and the peer's)`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
