// Every built page passes the Nu HTML Checker (vnu.jar, run on the machine's Java).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, fixturesDir } from "../support/build.ts";

const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

describe("HTML validity", () => {
  it("reports zero errors on every built page", () => {
    const run = buildSite(join(fixturesDir, "corpus"));
    expect(run.status, run.stderr).toBe(0);
    // A page known to be invalid proves the checker really reads the files it is given.
    const canary = join(mkdtempSync(join(tmpdir(), "vnu-canary-")), "invalid.html");
    writeFileSync(canary, '<!doctype html><html lang="ar"><title>x</title><p><div></p>');
    const java = process.env.JAVA ?? "java";
    const result = spawnSync(java, ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", run.output, canary], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw new Error(`Java is needed for the Nu HTML Checker (Debian: apt-get install default-jre-headless): ${result.error.message}`);
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
    expect(messages.some((message) => message.url.endsWith("invalid.html"))).toBe(true);
    const errors = messages.filter((message) => message.type === "error" && !message.url.endsWith("invalid.html")).map((m) => `${m.url.replace(`file:${run.output}`, "")}:${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
  });
});
