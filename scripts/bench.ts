// The build benchmark: npm run bench -- [N=1000] [--no-dev] [--no-peer] [--keep]
//
// Generates a deterministic synthetic corpus of N documents, runs the real
// production build on it, then the development server (npm start) on it,
// edits one document and waits until the site and the search index are
// fresh, and prints, from this one run:
//   - wall time per build stage (from the build's own timings),
//   - peak memory and CPU time of every process involved (sampled from /proc),
//   - the bytes one search downloads on the built site (in Chromium),
//   - output bytes and Pagefind bytes, page weight of a document,
//   - the I/O floor: reading every input and writing the same output bytes
//     (the smallest of three runs, each after `sync`), and the build's time
//     as a ratio of it;
//   - a peer reference: Pagefind's own CLI over the built pages, as a Hugo
//     user runs it, its time, CPU and peak memory (skipped with --no-peer,
//     and above 20,000 documents);
//   - the development server's refresh after one edited document, and its
//     ratio to the same floor (skipped with --no-dev).
// Machines here are shared and noisy: compare ratios from the same run.
import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../src/project.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { startDevServer } from "./devServer.ts";
import { formatSearchWeight, measureSearchWeight } from "./searchWeight.ts";

interface ProcessPeak {
  command: string;
  peakKb: number;
  /** CPU time (user + system) used so far, in seconds. */
  cpuSeconds: number;
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

const format = (value: number, digits = 2): string => value.toFixed(digits);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function bytesOf(dir: string): number {
  return allFiles(dir).reduce((total, file) => total + statSync(file).size, 0);
}

/** Every process started, directly or not, by `pid`. */
function descendants(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Peak resident memory (VmHWM) and CPU time of a process and all its descendants, sampled until they exit. */
function samplePeaks(rootPid: number, peaks: Map<number, ProcessPeak>): void {
  for (const pid of [rootPid, ...descendants(rootPid)]) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? "?";
      const peakKb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      // Counting from the state (field 3 of stat, after the command), utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      const known = peaks.get(pid);
      peaks.set(pid, { command, peakKb: Math.max(peakKb, known?.peakKb ?? 0), cpuSeconds: Math.max(cpuSeconds, known?.cpuSeconds ?? 0) });
    } catch {
      // Gone already; its last sample stands.
    }
  }
}

interface SampledRun {
  seconds: number;
  peaks: ProcessPeak[];
  status: number | null;
  /** What it printed, if its stdout was piped. */
  stdout: string;
}

/** Run a command to its end, timing it and sampling the memory and CPU time of every process it starts. */
async function runSampled(command: string, args: string[], options: SpawnOptions): Promise<SampledRun> {
  const started = performance.now();
  const child = spawn(command, args, options);
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const peaks = new Map<number, ProcessPeak>();
  const sampler = setInterval(() => child.pid && samplePeaks(child.pid, peaks), 50);
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    return { seconds: (performance.now() - started) / 1000, peaks: [...peaks.values()], status, stdout };
  } finally {
    clearInterval(sampler);
  }
}

/** `npm run build` on the corpus, as a maintainer runs it, sampling the memory of every process it starts. */
function runBuild(input: string, output: string, timingsFile: string): Promise<SampledRun> {
  return runSampled(
    "npm",
    ["run", "--silent", "build", "--", `--input=${input}`, `--output=${output}`, "--quiet"],
    { cwd: projectRoot, env: { ...process.env, ARCHIVE_TIMINGS: timingsFile }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

/** What the benchmark searches for: a word of most documents, so every shard answers. */
const SEARCH_QUERY = "الاتجار";

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

/** Pagefind's CLI holds about 0.5 GB per 1,000 pages: above this many documents the peer reference is skipped. */
const PEER_MAX_DOCUMENTS = 20_000;

/** Why the peer reference is not run, if it is not. */
function peerSkipped(count: number): string | undefined {
  if (process.argv.includes("--no-peer")) return "--no-peer";
  if (count > PEER_MAX_DOCUMENTS) {
    return `${count.toLocaleString("en-US")} documents, more than ${PEER_MAX_DOCUMENTS.toLocaleString("en-US")}: it needs about 0.5 GB per 1,000 pages (about ${format(count / 2000, 0)} GB here)`;
  }
  return undefined;
}

/** Pagefind's own indexer, from the platform package the pagefind package installs beside it. */
function pagefindBinary(): string {
  const platformPackage = `@pagefind/${process.platform}-${process.arch}`;
  const expected = join(projectRoot, "node_modules", platformPackage, "bin", "pagefind_extended");
  let binary: string;
  try {
    binary = join(dirname(createRequire(import.meta.url).resolve(`${platformPackage}/package.json`)), "bin", "pagefind_extended");
  } catch {
    throw new Error(`the peer reference needs Pagefind's CLI, ${expected}, and ${platformPackage} is not installed (run with --no-peer to skip it)`);
  }
  if (!existsSync(binary)) throw new Error(`the peer reference needs Pagefind's CLI, ${binary}, and it is missing (run with --no-peer to skip it)`);
  return binary;
}

interface PeerRun {
  seconds: number;
  cpuSeconds: number;
  peakKb: number;
  /** Pages it indexed, as it reports them. */
  pages: number | undefined;
}

/**
 * The fastest peer is Hugo's build plus Pagefind: Pagefind's own CLI
 * over our built pages, run as a Hugo user runs it, is the part of that peer
 * measured on this machine in this run. Its index goes to a folder of its own
 * outside the site, removed afterwards.
 */
async function peerReference(binary: string, site: string): Promise<PeerRun> {
  const index = mkdtempSync(join(tmpdir(), "archive-peer-"));
  try {
    execFileSync("sync"); // it starts, as the build did, with nothing left to write out
    const run = await runSampled(binary, ["--site", site, "--output-path", index, "--force-language", "ar"], { stdio: ["ignore", "pipe", "inherit"] });
    if (run.status !== 0) throw new Error(`Pagefind's CLI failed with status ${run.status}:\n${run.stdout}`);
    const pages = /Indexed (\d+) pages?/.exec(run.stdout)?.[1];
    return {
      seconds: run.seconds,
      cpuSeconds: run.peaks.reduce((total, peak) => total + peak.cpuSeconds, 0),
      peakKb: Math.max(0, ...run.peaks.map((peak) => peak.peakKb)),
      pages: pages === undefined ? undefined : Number(pages),
    };
  } finally {
    rmSync(index, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);
  const keep = process.argv.includes("--keep");
  const peerSkip = peerSkipped(count);
  const peerBinary = peerSkip === undefined ? pagefindBinary() : undefined; // before the build, so a missing binary costs no build
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
    const peer = peerBinary === undefined ? undefined : await peerReference(peerBinary, output);
    const timings = JSON.parse(readFileSync(timingsFile, "utf8")) as { stages: Record<string, number> };

    console.log(`\nproduction build: ${format(build.seconds)} s wall`);
    for (const [stage, milliseconds] of Object.entries(timings.stages)) console.log(`  ${stage.padEnd(48)} ${format(milliseconds / 1000).padStart(8)} s`);
    console.log("\npeak memory and CPU time per process:");
    for (const peak of build.peaks.sort((a, b) => b.peakKb - a.peakKb)) {
      console.log(`  ${peak.command.padEnd(20)} ${format(peak.peakKb / 1024, 0).padStart(6)} MB ${format(peak.cpuSeconds, 1).padStart(8)} s CPU`);
    }
    const cpu = build.peaks.reduce((total, peak) => total + peak.cpuSeconds, 0);
    console.log(`  all processes: ${format(cpu, 1)} s CPU in ${format(build.seconds, 1)} s wall (${format(cpu / build.seconds, 2)} cores busy on average)`);

    const documentPage = allFiles(join(output, "documents")).find((file) => file.endsWith("index.html"));
    const css = allFiles(join(output, "assets")).find((file) => file.endsWith(".css"));
    const pageWeight = documentPage && css ? gzipSync(readFileSync(documentPage)).length + gzipSync(readFileSync(css)).length : 0;
    console.log(`\noutput: ${format(bytesOf(output) / 1e6)} MB in ${allFiles(output).length} files; Pagefind ${format(bytesOf(join(output, "pagefind")) / 1e6)} MB`);
    console.log(`a document page's HTML + CSS, gzipped: ${format(pageWeight / 1024, 1)} KB`);

    // One search, as a reader makes it, on the site just built.
    const search = await measureSearchWeight(output, SEARCH_QUERY);
    console.log(`\none search on the built site, in Chromium:\n${formatSearchWeight(search)}`);

    console.log(
      `\nI/O floor, reading every input and writing the same output bytes: ${format(floor)} s (smallest of ${FLOOR_RUNS} runs: ${floorRuns.map((value) => format(value)).join(", ")} s; each after sync)`,
    );
    console.log(`build / floor: ${format(build.seconds / floor, 1)}×`);
    if (peer) {
      const pages = peer.pages === undefined ? "" : ` (${peer.pages.toLocaleString("en-US")} indexed)`;
      console.log(
        `Peer reference, Pagefind's CLI alone over the built pages${pages}: ${format(peer.seconds, 1)} s (${format(peer.seconds / floor, 1)}× the floor), ` +
          `CPU ${format(peer.cpuSeconds, 1)} s, peak ${Math.round(peer.peakKb / 1024).toLocaleString("en-US")} MB; this build took ${format(build.seconds / peer.seconds, 1)}× as long`,
      );
    } else console.log(`Peer reference, Pagefind's CLI alone over the built pages: skipped (${peerSkip})`);

    let refresh: number | undefined;
    if (!process.argv.includes("--no-dev")) {
      const edited = readdirSync(input).filter((name) => name.endsWith(".txt")).sort()[0] ?? "";
      const dev = await devRefresh(input, join(work, "dev-site"), edited);
      refresh = dev.refresh;
      console.log(`\ndevelopment server (npm start): first build ${format(dev.firstBuild)} s; after editing ${edited}, site and search index fresh in ${format(dev.refresh)} s`);
      console.log(`refresh / floor: ${format(dev.refresh / floor, 1)}×`);
    }

    // The targets of the performance issue, each against this run's own figures.
    const peakMb = Math.max(...build.peaks.map((peak) => peak.peakKb / 1024));
    const targets: [string, boolean | undefined, string][] = [
      ["full build at most 15× the I/O floor", build.seconds / floor <= 15, `${format(build.seconds / floor, 1)}×`],
      ["no process above 2 GB", peakMb <= 2048, `${format(peakMb, 0)} MB`],
      ["npm start fresh after a save within 2× the floor", refresh === undefined ? undefined : refresh / floor <= 2, refresh === undefined ? "not run" : `${format(refresh / floor, 1)}×`],
      ["a document page's HTML + CSS within 14 KB gzipped", pageWeight <= 14 * 1024, `${format(pageWeight / 1024, 1)} KB`],
      ["one search within 150 KB", search.gzipBytes <= 150_000, `${format(search.gzipBytes / 1000, 1)} kB gzip`],
    ];
    console.log(`\ntargets at N=${count} (the issue sets them at N=10,000):`);
    for (const [target, met, figure] of targets) console.log(`  ${met === undefined ? "–" : met ? "met " : "NOT "} ${target}: ${figure}`);
    // Context, not a target: the fastest peer takes at least this.
    if (peer) {
      console.log(
        `  context: the fastest peer (Hugo's build plus Pagefind) takes at least Pagefind's own ${format(peer.seconds, 1)} s here, ` +
          `${format(peer.seconds / floor, 1)}× the floor; this build took ${format(build.seconds / peer.seconds, 1)}× as long`,
      );
    }
  } finally {
    if (keep) console.log(`\nkept: ${work} (site) and ${input} (corpus)`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
