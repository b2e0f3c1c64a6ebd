// Build a corpus folder into a temporary output folder with the real `npm run build` command line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, cpSync, mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = join(projectRoot, "tests/fixtures");

/** The slugs of the documents in tests/fixtures/corpus, sorted. */
export const FIXTURE_CORPUS_SLUGS = [
  "france-interview-2022",
  "interpol-buenos-aires-2019",
  "interpol-doha-2017",
  "interpol-our-role",
  "markdown-note",
  "override-example",
  "unodc-gcc-vienna",
];

export interface BuildRun {
  input: string;
  output: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Copy the given files (name -> content or source path) into a fresh corpus folder. */
export function makeCorpus(files: Record<string, string | Buffer | { copyFrom: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), "archive-corpus-"));
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === "object" && "copyFrom" in content) cpSync(content.copyFrom, target);
    else writeFileSync(target, content);
  }
  return dir;
}

/** Run the project's build command on a corpus, into a new temporary output folder. */
export function buildSite(input: string | undefined, extraArgs: string[] = []): BuildRun {
  const output = mkdtempSync(join(tmpdir(), "archive-site-"));
  // The README's command, so tests exercise exactly what maintainers run.
  const result = spawnSync(
    "npm",
    ["run", "--silent", "build", "--", ...(input ? [`--input=${input}`] : []), `--output=${output}`, ...extraArgs],
    { cwd: projectRoot, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" }, maxBuffer: 64 * 1024 * 1024 },
  );
  return { input: input ?? join(projectRoot, "content"), output, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function readOutput(run: BuildRun, path: string): string {
  return readFileSync(join(run.output, path), "utf8");
}

export function outputExists(run: BuildRun, path: string): boolean {
  return existsSync(join(run.output, path));
}
