// Issue #7 on the development server: `npm start` keeps running when a file is
// bad (it prints the problem), and picks the page up once the file is fixed,
// without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesDir, makeCorpus, projectRoot } from "../support/build.ts";

const DEADLINE_MS = 90_000;

let server: ChildProcess;
let output = "";
let baseUrl = "";
let corpus: string;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Poll until `check` returns a value, or fail with what the server printed so far. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) while waiting for ${what}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${output}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

async function get(path: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(new URL(path, baseUrl));
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined; // not listening yet
  }
}

/** What the server printed after a given point, once a finished rebuild there printed `expected`. */
function printedAfter(from: number, expected: string): string | undefined {
  const printed = output.slice(from);
  const at = printed.indexOf(expected);
  return at >= 0 && printed.indexOf("[11ty] Wrote", at) > at ? printed : undefined;
}

beforeAll(async () => {
  corpus = makeCorpus({ "good.txt": { copyFrom: join(fixturesDir, "corpus/interpol-doha-2017.txt") } });
  const port = await freePort();
  // The README's command; its own process group, so the test can stop it and everything it started.
  server = spawn("npm", ["start", "--silent", "--", `--input=${corpus}`, `--output=${mkdtempSync(join(tmpdir(), "archive-serve-"))}`, `--port=${port}`], {
    cwd: projectRoot,
    env: { ...process.env, FORCE_COLOR: "0" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  baseUrl = await waitFor("the server address", () => /Server at (http:\/\/\S+?)\/?\s/.exec(output)?.[1]);
  await waitFor("the home page", async () => ((await get("/"))?.status === 200 ? true : undefined));
});

afterAll(async () => {
  if (server.pid === undefined || server.exitCode !== null) return;
  const exited = new Promise((resolveExit) => server.once("exit", resolveExit));
  process.kill(-server.pid, "SIGTERM"); // the group: npm, its shell and Eleventy
  await exited;
});

describe("the development server", () => {
  it("prints a bad file's error, keeps serving, and publishes the page once the file is fixed", async () => {
    expect((await get("/documents/good/"))?.status).toBe(200);

    let from = output.length;
    writeFileSync(join(corpus, "new-doc.txt"), "---\ndate: 2023-02-30\n---\nوثيقة جديدة\n\nنص الوثيقة الجديدة.\n");
    const afterBad = await waitFor("the report of the bad file", () => printedAfter(from, "new-doc.txt:2: error:"));
    expect(afterBad).toContain("Build report: 2 files found: 1 published, 0 ignored, 1 rejected; 1 error, 0 warnings.");
    expect(afterBad).toMatch(/new-doc\.txt:2: error: front matter `date`: date "2023-02-30" does not exist/);
    expect(afterBad).toContain("1 error in 1 file, listed above: those files are not on the site. The server keeps running");
    expect(afterBad).not.toContain("The build failed");
    expect(server.exitCode).toBeNull();
    expect((await get("/documents/good/"))?.status).toBe(200);
    expect((await get("/documents/new-doc/"))?.status).toBe(404);

    from = output.length;
    writeFileSync(join(corpus, "new-doc.txt"), "---\ndate: 2023-02-28\n---\nوثيقة جديدة\n\nنص الوثيقة الجديدة.\n");
    const afterFix = await waitFor("the report of the fixed file", () => printedAfter(from, "Build report: 2 files found: 2 published"));
    expect(afterFix).toContain("Build report: 2 files found: 2 published, 0 ignored, 0 rejected; 0 errors, 0 warnings.");
    const page = await waitFor("the fixed page", async () => {
      const response = await get("/documents/new-doc/");
      return response?.status === 200 ? response.body : undefined;
    });
    expect(page).toContain("<h1>وثيقة جديدة</h1>");
    expect(page).toContain('<time datetime="2023-02-28">');
  });
});
