// Issue #15: nothing outside the content folder is ever read or published, and
// every path under it is accounted for. One corpus holds every kind of link
// (outside, absolute, chained, looping, broken, inside), special files named
// .txt, a folder named like a document, awkward file names and Markdown that
// tries to carry active content; it is built with the real build command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildSite, fixturesDir, outputExists, projectRoot, readOutput, type BuildRun } from "../support/build.ts";
import { encodeUtf16, encodeUtf8Bom } from "../fixtures/robustness/bytes.ts";
import type { BuildReport, ReportFile } from "../../src/build/report.ts";

/** Text that must never reach the output: it lives outside the content folder. */
const SECRET = "SECRET-OUTSIDE-7f3a";
const secretText = (n: number): string => `سر ${SECRET} رقم ${n}\n\nهذا نص سري خارج مجلد المحتوى ${SECRET} لا ينبغي نشره أبداً.\n`;
const BODY = "عنوان الوثيقة\n\nنص الوثيقة عن التعاون في مكافحة الاتجار بالبشر.\n";

/** Markdown that tries every kind of active content (also opened in Chromium: tests/browser/markdown-inert.test.ts). */
const ACTIVE_MARKDOWN = join(fixturesDir, "robustness-containment/active.md");

let parent: string;
let input: string;
let run: BuildRun;
let report: BuildReport;
let printed: string;
let socketServer: Server;

function file(path: string, content: string | Buffer): void {
  const target = join(input, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

function link(path: string, target: string): void {
  mkdirSync(dirname(join(input, path)), { recursive: true });
  symlinkSync(target, join(input, path));
}

/** Every path under a folder as `find` lists it, not following links; folders end in `/`. */
function pathsOnDisk(root: string, prefix = ""): string[] {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return lstatSync(join(root, path)).isDirectory() ? [`${path}/`, ...pathsOnDisk(root, path)] : [path];
  });
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), "archive-containment-"));
  input = join(parent, "content");
  mkdirSync(join(parent, "outside/folder"), { recursive: true });
  writeFileSync(join(parent, "outside/secret.txt"), secretText(1));
  writeFileSync(join(parent, "outside/secret-absolute.txt"), secretText(2));
  writeFileSync(join(parent, "outside/folder/secret-in-folder.txt"), secretText(3));
  writeFileSync(join(parent, "outside/chained.txt"), secretText(4));

  // Code Eleventy would run if it looked at the corpus itself: data files, and a template behind a link.
  const runs = (name: string): string => `require("node:fs").writeFileSync(${JSON.stringify(join(parent, `RAN-${name}`))}, "");\nmodule.exports = {};\n`;
  writeFileSync(join(parent, "outside/folder/evil.njk"), `${SECRET} {{ 7*7 }}`);
  writeFileSync(join(parent, "outside/folder/evil.11tydata.cjs"), runs("outside-template-data"));
  file("_data/evil.cjs", runs("corpus-global-data"));
  file("content.11tydata.cjs", runs("corpus-directory-data"));

  file("good.txt", readFileSync(join(fixturesDir, "corpus/interpol-doha-2017.txt")));
  // Links that leave the folder: relative, absolute, to a folder, a chain of two.
  link("link-outside.txt", "../outside/secret.txt");
  link("link-absolute.txt", join(parent, "outside/secret-absolute.txt"));
  link("outside-folder", "../outside/folder");
  link("chain.txt", "sub/hop.txt");
  link("sub/hop.txt", "../../outside/chained.txt");
  // Links that lead nowhere.
  link("loop-a.txt", "loop-b.txt");
  link("loop-b.txt", "loop-a.txt");
  link("broken.txt", "missing.txt");
  // Links that stay inside: each target is published once.
  file("real/doc.txt", BODY);
  link("alias.txt", "real/doc.txt");
  link("mirror", "real");
  file("store/text.dat", `نص محفوظ باسم آخر\n\n${BODY}`);
  link("linked.txt", "store/text.dat");
  link("linked-again.txt", "../content/store/text.dat");
  file("hard-a.txt", `وثيقة لها اسمان\n\n${BODY}`);
  linkSync(join(input, "hard-a.txt"), join(input, "hard-b.txt"));
  // Special files named like documents: never opened (a FIFO would block the build).
  spawnSync("mkfifo", [join(input, "pipe.txt")]);
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(input, "socket.txt"), resolve));
  // A folder named like a document, with a document in it; installed packages.
  file("notes.txt/inside.txt", BODY);
  file("node_modules/pkg/readme.txt", "not a document");
  // Empty files in disguise, binary signatures.
  file("bom-only.txt", encodeUtf8Bom(""));
  file("bom-and-space.txt", encodeUtf8Bom(" \n\t\n"));
  file("utf16-bom-only.txt", encodeUtf16("", "le"));
  file("scan.txt", Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n", "latin1"));
  // File names.
  file("line\nbreak.txt", BODY);
  file("-leading-dash.txt", BODY);
  file("rtl\u202Etxt.exe.txt", BODY);
  file("Case.txt", BODY);
  file("case.txt", BODY);
  // Markdown with active content.
  file("active.md", readFileSync(ACTIVE_MARKDOWN));

  run = buildSite(input);
  printed = `${run.stdout}\n${run.stderr}`;
  if (!outputExists(run, "data/build-report.json")) throw new Error(`no report written (${run.status}):\n${printed}`);
  report = JSON.parse(readOutput(run, "data/build-report.json")) as BuildReport;
}, 120_000);

afterAll(() => {
  socketServer.close();
});

function entry(path: string): ReportFile {
  const found = report.files.find((candidate) => candidate.file === path);
  if (!found) throw new Error(`${JSON.stringify(path)} is not in the report`);
  return found;
}

/** Every file the build wrote, as text. */
function outputFiles(root: string, prefix = ""): { path: string; text: string }[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((dirent) => {
    const path = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    return dirent.isDirectory() ? outputFiles(root, path) : [{ path, text: readFileSync(join(root, path), "latin1") }];
  });
}

const OUTSIDE = "is a link that leads outside the content folder: it is not read";

describe("links that leave the content folder", () => {
  it("are never read: the outside text is in no output file", () => {
    const leaks = outputFiles(run.output).filter(({ text }) => text.includes(SECRET)).map(({ path }) => path);
    expect(leaks).toEqual([]);
    expect(outputExists(run, "documents/link-outside/index.html")).toBe(false);
    expect(readOutput(run, "data/documents.json")).not.toContain("link-outside");
  });

  it("are rejected with the reason and the fix: relative, absolute, a folder, every link of a chain", () => {
    for (const path of ["link-outside.txt", "link-absolute.txt", "outside-folder", "chain.txt", "sub/hop.txt"]) {
      expect(entry(path), path).toMatchObject({
        status: "rejected",
        reason: OUTSIDE,
        problems: [{ severity: "error", message: OUTSIDE, fix: expect.stringContaining("copy the file into the content folder") }],
      });
    }
    expect(printed).toMatch(/link-absolute\.txt: error: is a link that leads outside the content folder: it is not read — /);
  });

  it("are not looked through by Eleventy either: no template or data file of the corpus, or behind a link, is read or run", () => {
    expect(readdirSync(parent).filter((name) => name.startsWith("RAN-"))).toEqual([]);
    expect(entry("_data/evil.cjs")).toMatchObject({ status: "ignored" });
  });

  it("do not print or publish where they lead", () => {
    expect(readOutput(run, "data/build-report.json")).not.toContain(join(parent, "outside"));
    expect(readOutput(run, "data/build-report.json")).not.toContain("secret");
  });

  it("fail the build, as any error does, after the other files are published", () => {
    expect(run.status).toBe(1);
    expect(printed).toMatch(/The build failed: \d+ errors in \d+ files, listed above/);
    expect(entry("good.txt")).toMatchObject({ status: "published", url: "/documents/good/" });
    expect(outputExists(run, "documents/good/index.html")).toBe(true);
  });
});

describe("links that lead nowhere", () => {
  it("rejects a loop and a broken link without reading anything", () => {
    for (const path of ["loop-a.txt", "loop-b.txt"]) {
      expect(entry(path), path).toMatchObject({ status: "rejected", problems: [{ severity: "error", message: "is a link that leads back to itself (a loop): it is not read" }] });
    }
    expect(entry("broken.txt")).toMatchObject({ status: "rejected", problems: [{ severity: "error", message: "is a link to a file that does not exist" }] });
  });
});

describe("links that stay inside", () => {
  it("publish each target once: under its own name when it is a document, else under the link's", () => {
    expect(entry("real/doc.txt")).toMatchObject({ status: "published", url: "/documents/doc/" });
    expect(entry("alias.txt")).toMatchObject({ status: "ignored", reason: "a link to real/doc.txt, which is published under its own name" });
    expect(entry("mirror")).toMatchObject({ status: "ignored", reason: "a link to the folder real/, whose files are listed under their own names" });
    expect(report.files.some((candidate) => candidate.file.startsWith("mirror/"))).toBe(false);
    expect(entry("linked-again.txt")).toMatchObject({ status: "published", url: "/documents/linked-again/" });
    expect(entry("linked.txt")).toMatchObject({ status: "ignored", reason: "a link to the same file as linked-again.txt, which is read in its place" });
    expect(entry("store/text.dat")).toMatchObject({ status: "ignored" });
    expect(readOutput(run, "documents/linked-again/index.html")).toContain("نص محفوظ باسم آخر");
    expect(entry("hard-a.txt")).toMatchObject({ status: "published", url: "/documents/hard-a/" });
    expect(entry("hard-b.txt")).toMatchObject({ status: "ignored", reason: "the same file as hard-a.txt (a hard link), read under that name" });
  });
});

describe("files that are not files", () => {
  it("rejects a FIFO and a socket named .txt without opening them (the build did not hang)", () => {
    expect(entry("pipe.txt")).toMatchObject({ status: "rejected", problems: [{ severity: "error", message: "is a named pipe (FIFO), not a file: it is not read" }] });
    expect(entry("socket.txt")).toMatchObject({ status: "rejected", problems: [{ severity: "error", message: "is a socket, not a file: it is not read" }] });
  });

  it("lists a folder named like a document, and installed packages, without losing what is in them", () => {
    expect(entry("notes.txt/")).toMatchObject({ status: "ignored", reason: "a folder, not a document: the files in it are listed on their own" });
    expect(entry("notes.txt/inside.txt")).toMatchObject({ status: "published", url: "/documents/inside/" });
    expect(entry("node_modules/")).toMatchObject({ status: "ignored", reason: "installed packages (node_modules): not scanned" });
  });
});

describe("every path is accounted for", () => {
  it("the report lists exactly the paths on disk: every file, link and special file, folders named like documents, folders not scanned", () => {
    const expected = pathsOnDisk(input)
      .filter((path) => !path.endsWith("/") || /\.(?:txt|md)\/$/i.test(path) || path === "node_modules/")
      .filter((path) => !path.startsWith("node_modules/") || path === "node_modules/")
      .sort();
    expect(report.files.map((candidate) => candidate.file).sort()).toEqual(expected);
    expect(report.counts.found).toBe(expected.length);
  });
});

describe("files with nothing to publish, and binary files", () => {
  it("rejects a file that is only a byte order mark, or a BOM and white space, and a PDF named .txt", () => {
    for (const path of ["bom-only.txt", "utf16-bom-only.txt"]) expect(entry(path), path).toMatchObject({ status: "rejected", reason: "is empty: there is nothing to publish" });
    expect(entry("bom-and-space.txt")).toMatchObject({ status: "rejected", reason: "has only blank space: there is nothing to publish" });
    expect(entry("scan.txt")).toMatchObject({ status: "rejected", reason: "is a PDF document, not a plain text file" });
  });
});

describe("file names", () => {
  it("publishes a name with a line break under a safe address, with a warning, and prints the name on one line", () => {
    expect(entry("line\nbreak.txt")).toMatchObject({
      status: "published",
      url: "/documents/line-break/",
      problems: [{ severity: "warning", message: expect.stringContaining("the file name contains a line break or another control character") }],
    });
    expect(printed).toContain("line\\nbreak.txt: warning: the file name contains a line break");
  });

  it("publishes a name starting with a dash without it, with a warning", () => {
    expect(entry("-leading-dash.txt")).toMatchObject({
      status: "published",
      url: "/documents/leading-dash/",
      problems: [{ severity: "warning", message: expect.stringContaining("the file name starts with `-`") }],
    });
  });

  it("leaves direction controls out of the address and shows them escaped", () => {
    expect(entry("rtl\u202Etxt.exe.txt")).toMatchObject({
      status: "published",
      url: "/documents/rtltxtexe/",
      problems: [{ severity: "warning", message: expect.stringContaining("direction control characters (U+202E)") }],
    });
    expect(printed).not.toContain("\u202E");
    expect(printed).toContain("rtl\\u{202E}txt.exe.txt");
  });

  it("rejects two names that differ only by letter case, saying so", () => {
    for (const [path, other] of [["Case.txt", "case.txt"], ["case.txt", "Case.txt"]]) {
      expect(entry(path!)).toMatchObject({
        status: "rejected",
        problems: [{ severity: "error", message: `slug \`case\` is also used by ${other} (the names differ only by letter case: on Windows and macOS they are the same file)` }],
      });
    }
  });
});

describe("Markdown cannot carry active content", () => {
  const body = (): string => /<div class="document-body"[^>]*>([\s\S]*?)<\/div>/.exec(readOutput(run, "documents/active/index.html"))?.[1] ?? "";

  it("publishes it with warnings naming the file and the line", () => {
    const problems = entry("active.md").problems;
    expect(entry("active.md").status).toBe("published");
    expect(problems).toEqual([
      { line: 3, severity: "warning", message: "4 raw HTML tags (<script>, <iframe>, <a onclick>, <img onerror>) are shown as text, not run", fix: expect.any(String) },
      { line: 9, severity: "warning", message: "3 links to `javascript:` addresses are not made: they would run code", fix: expect.any(String) },
      { line: 11, severity: "warning", message: "3 images are not shown: the site publishes text only and loads nothing from other sites; each image's description is shown instead", fix: expect.any(String) },
    ]);
    expect(printed).toMatch(/active\.md:3: warning: 4 raw HTML tags/);
  });

  it("leaves no element, event attribute, script address or image in the page", () => {
    const html = body();
    expect(html).not.toMatch(/<(?:script|iframe|img|object|embed)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).toContain("صورة بعيدة");
    expect(html).toContain('<a href="https://www.unodc.org/">رابط عادي</a>');
  });

  it("requests nothing from another origin: no src, srcset or stylesheet address outside the site on any page", () => {
    for (const { path, text } of outputFiles(run.output).filter(({ path }) => path.endsWith(".html"))) {
      expect(text, path).not.toMatch(/\s(?:src|srcset|poster|data)\s*=\s*["']?(?:https?:)?\/\//i);
      expect(text, path).not.toContain("evil.example/pixel");
    }
  });
});

describe("npm run check", () => {
  it("exits 1 and names the link that leaves the folder", () => {
    const check = spawnSync("npm", ["run", "--silent", "check", "--", input], { cwd: projectRoot, encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`link-outside.txt: rejected: ${OUTSIDE}`);
    expect(check.stdout).not.toContain(SECRET);
  });

  it("reports a file and a folder it may not read, as the user that runs it", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-unreadable-"));
    writeFileSync(join(dir, "good.txt"), BODY);
    writeFileSync(join(dir, "locked.txt"), BODY);
    mkdirSync(join(dir, "locked-folder"));
    writeFileSync(join(dir, "locked-folder/inside.txt"), BODY);
    chmodSync(join(dir, "locked.txt"), 0o000);
    chmodSync(join(dir, "locked-folder"), 0o000);
    // Permissions do not bind root: as root, run the check as the unprivileged user "nobody".
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: dir } } : {};
    chmodSync(dir, 0o755);
    const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", dir], { cwd: projectRoot, encoding: "utf8", ...asNobody });
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain("locked.txt: rejected: cannot be read (permission denied)");
    expect(check.stdout).toContain("locked-folder/: rejected: the folder cannot be read (permission denied): the files in it are not in the site");
    expect(check.stdout).toContain("good.txt: published at /documents/good/");
  });
});
