// The benchmark's own pieces that decide its figures: the Hugo documents it
// writes for the peer keep each title exactly (read back with a YAML parser,
// as Hugo reads front matter), and the process tree it sums memory over
// holds the grandchildren of the command it runs.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { hugoDocument } from "../../../scripts/hugoPeer.ts";
import { processTree } from "../../../scripts/processTree.ts";

function frontMatter(markdown: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return parse(match[1] as string);
}

describe("hugoDocument", () => {
  it("makes the first line the title, exactly, whatever it holds, and keeps the rest as the body", () => {
    const titles = ['بيان: "الإنتربول" يحذّر', "عنوان \\ بشرطة مائلة # ليس تعليقاً", "- قائمة؟ {{ .Title }}", "  مسافات  "];
    for (const title of titles) {
      const markdown = hugoDocument(`${title}\n\nالفقرة الأولى.\n\nالفقرة الثانية.\n`);
      expect(frontMatter(markdown)).toEqual({ title: title.trim() });
      expect(markdown.endsWith("\nالفقرة الأولى.\n\nالفقرة الثانية.\n")).toBe(true);
    }
  });
});

describe("processTree", () => {
  it("lists a command's children and their children", async () => {
    // sh, the subshell it forks, and the sleep the subshell starts: three generations.
    const child = spawn("sh", ["-c", "(sleep 30; true) & wait"], { stdio: "ignore", detached: true });
    try {
      const pid = child.pid as number;
      let tree: number[] = [];
      for (let attempt = 0; attempt < 50 && tree.length < 3; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        tree = processTree(pid);
      }
      expect(tree[0]).toBe(pid);
      expect(tree).toHaveLength(3);
      expect(processTree(process.pid)).toContain(pid);
    } finally {
      process.kill(-(child.pid as number), "SIGKILL"); // the shell and its sleeps
    }
  });
});
