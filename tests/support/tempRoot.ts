// Vitest's global setup: every temporary folder of one test run (corpora,
// built sites, Pagefind's work folders, Chromium's profile) goes under one
// fresh folder, removed when the run ends, so test runs leave nothing behind.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "archive-tests-"));
  // Open to every user, as /tmp is: a test runs the check as "nobody", whose tsx keeps its cache here.
  chmodSync(root, 0o1777);
  // os.tmpdir() reads TMPDIR on every call, here, in the test workers and in every build they spawn.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
