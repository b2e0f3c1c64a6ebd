// `npm start` (the README's development server) run by a test or the
// benchmark: started on a free port, its output collected, polled until it
// has done what the caller waits for, and stopped with everything it started.
import { spawn, type ChildProcess } from "node:child_process";
import { projectRoot } from "../src/project.ts";
import { freePort } from "./freePort.ts";

/** How long a wait may take unless the caller says otherwise: enough for a test's small corpus. */
const DEADLINE_MS = 90_000;

export interface DevServer {
  baseUrl: string;
  /** When the server was started (performance.now()). */
  startedAt: number;
  /** When each build finished: each "Wrote N files" line, as it arrived (performance.now()). */
  buildsFinished(): number[];
  /** Everything the server printed so far. */
  output(): string;
  /** Whether the server process is still running. */
  running(): boolean;
  /** Poll until `check` returns a value, or fail with what the server printed so far. */
  waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T>;
  get(path: string): Promise<{ status: number; body: string } | undefined>;
  /** What the server printed after `from`, once a finished rebuild there printed `expected`. */
  printedAfter(from: number, expected: string): string | undefined;
  stop(): Promise<void>;
}

/** Start `npm start -- <args>` from the project folder and wait until it serves its home page; each wait gives up after `deadlineMs`. */
export async function startDevServer(args: string[], deadlineMs = DEADLINE_MS): Promise<DevServer> {
  let output = "";
  const finished: number[] = [];
  const port = await freePort();
  const startedAt = performance.now();
  // Its own process group, so stop() ends npm, its shell and Eleventy.
  const server: ChildProcess = spawn("npm", ["start", "--silent", "--", ...args, `--port=${port}`], {
    cwd: projectRoot,
    env: { ...process.env, FORCE_COLOR: "0" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer): void => {
    output += chunk.toString("utf8");
    // Eleventy prints "Wrote N files" once every eleventy.after handler, the search index's included, is done.
    const builds = output.match(/\[11ty\] Wrote \d+ files?/g)?.length ?? 0;
    while (finished.length < builds) finished.push(performance.now());
  };
  server.stdout?.on("data", collect);
  server.stderr?.on("data", collect);

  const waitFor = async <T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> => {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) while waiting for ${what}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${output}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
  };
  let baseUrl = "";
  const get = async (path: string): Promise<{ status: number; body: string } | undefined> => {
    try {
      const response = await fetch(new URL(path, baseUrl));
      return { status: response.status, body: await response.text() };
    } catch {
      return undefined; // not listening yet
    }
  };
  const dev: DevServer = {
    get baseUrl() {
      return baseUrl;
    },
    startedAt,
    buildsFinished: () => finished,
    output: () => output,
    running: () => server.exitCode === null,
    waitFor,
    get,
    printedAfter(from, expected) {
      const printed = output.slice(from);
      // The report is on stderr and Eleventy's "Wrote" on stdout: two pipes,
      // whose lines may arrive here in either order.
      return printed.includes(expected) && printed.includes("[11ty] Wrote") ? printed : undefined;
    },
    async stop() {
      if (server.pid === undefined || server.exitCode !== null) return;
      const exited = new Promise((resolveExit) => server.once("exit", resolveExit));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    },
  };
  baseUrl = await waitFor("the server address", () => /Server at (http:\/\/\S+?)\/?\s/.exec(output)?.[1]);
  await waitFor("the home page", async () => ((await get("/"))?.status === 200 ? true : undefined));
  return dev;
}
