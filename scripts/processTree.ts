// Running a command and measuring the whole tree of processes it starts, for
// the benchmark: wall time, CPU time per process, each process's own peak
// (VmHWM) and the peak of the tree as a whole.
//
// The tree's peak is the largest sum of resident memory (VmRSS) over every
// live process of the tree at one sample, sampled every 50 ms from /proc.
// Pages shared between processes (the node binary, shared libraries) count
// once per process, so the sum is an upper bound of what the tree takes; a
// spike shorter than the sampling interval can be missed, which is why each
// process's own VmHWM, kept by the kernel, is printed beside it.
import { spawn, type SpawnOptions } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface ProcessPeak {
  command: string;
  peakKb: number;
  /** CPU time (user + system) used so far, in seconds. */
  cpuSeconds: number;
}

export interface SampledRun {
  seconds: number;
  peaks: ProcessPeak[];
  /** The largest sum of VmRSS over the tree's live processes at one sample, in kB. */
  treePeakKb: number;
  status: number | null;
  /** What it printed, if its stdout was piped. */
  stdout: string;
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;
const SAMPLE_MS = 50;

/** `rootPid` and every process started, directly or not, by it: one pass over /proc. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const siblings = children.get(parent);
      if (siblings) siblings.push(Number(entry));
      else children.set(parent, [Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [rootPid];
  for (let n = 0; n < tree.length; n++) tree.push(...(children.get(tree[n] as number) ?? []));
  return tree;
}

/** One sample of the tree: each process's peak and CPU time updated, and the tree's resident total. */
function sample(rootPid: number, peaks: Map<number, ProcessPeak>): number {
  let residentKb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? "?";
      const peakKb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      residentKb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      // Counting from the state (field 3 of stat, after the command), utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      const known = peaks.get(pid);
      peaks.set(pid, { command, peakKb: Math.max(peakKb, known?.peakKb ?? 0), cpuSeconds: Math.max(cpuSeconds, known?.cpuSeconds ?? 0) });
    } catch {
      // Gone already; its last sample stands.
    }
  }
  return residentKb;
}

/** Run a command to its end, timing it and sampling the memory and CPU time of every process it starts. */
export async function runSampled(command: string, args: string[], options: SpawnOptions): Promise<SampledRun> {
  const started = performance.now();
  const child = spawn(command, args, options);
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const peaks = new Map<number, ProcessPeak>();
  let treePeakKb = 0;
  const sampler = setInterval(() => {
    if (child.pid) treePeakKb = Math.max(treePeakKb, sample(child.pid, peaks));
  }, SAMPLE_MS);
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    return { seconds: (performance.now() - started) / 1000, peaks: [...peaks.values()], treePeakKb, status, stdout };
  } finally {
    clearInterval(sampler);
  }
}

/** CPU time of every process of a run, in seconds. */
export const cpuOf = (run: Pick<SampledRun, "peaks">): number => run.peaks.reduce((total, peak) => total + peak.cpuSeconds, 0);
