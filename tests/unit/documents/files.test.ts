import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { classifyPath, describeError, displayPath, fileNameNotes, isDocumentIn, kindOf, scanFolder, slugFromPath, type FoundPath } from "../../../src/documents/files.ts";

describe("classifyPath: which files are documents", () => {
  it("takes .txt and .md, in any case, in any folder", () => {
    expect(classifyPath("a.txt")).toEqual({ kind: "document", format: "txt" });
    expect(classifyPath("2019/NOTE.MD")).toEqual({ kind: "document", format: "md" });
  });

  it("ignores editor backups, hidden files, private folders, site data and other extensions, saying why", () => {
    expect(classifyPath("a.txt~")).toEqual({ kind: "ignored", reason: "editor backup or temporary file" });
    expect(classifyPath("a.txt.swp")).toEqual({ kind: "ignored", reason: "editor backup or temporary file" });
    expect(classifyPath("#a.txt#")).toEqual({ kind: "ignored", reason: "editor backup or temporary file" });
    expect(classifyPath(".a.txt.swp")).toEqual({ kind: "ignored", reason: "hidden file or folder" });
    expect(classifyPath(".git/config")).toEqual({ kind: "ignored", reason: "hidden file or folder" });
    expect(classifyPath("_drafts/a.txt")).toEqual({ kind: "ignored", reason: "folder or file starting with _ is private" });
    expect(classifyPath("_data/site.yaml")).toEqual({ kind: "ignored", reason: "site data (settings and registries), not a document" });
    expect(classifyPath("scan.pdf")).toEqual({ kind: "ignored", reason: ".pdf is not a document format (use .txt or .md)" });
    expect(classifyPath("README")).toEqual({ kind: "ignored", reason: "no file extension (use .txt or .md)" });
  });
});

describe("isDocumentIn: what the development server's watcher saw saved", () => {
  it("is a document of the corpus folder, by the same rules as the scan", () => {
    expect(isDocumentIn("content", "./content/interpol/doha.txt")).toBe(true);
    expect(isDocumentIn("content", join(process.cwd(), "content", "note.md"))).toBe(true);
    expect(isDocumentIn("./content/", "content/notes.TXT")).toBe(true);
  });

  it("is not a data file, a layout, a file outside the corpus or the corpus folder itself", () => {
    expect(isDocumentIn("content", "./content/_data/organisations.yaml")).toBe(false);
    expect(isDocumentIn("content", "./content/doha.txt~")).toBe(false);
    expect(isDocumentIn("content", "./layouts/base.njk")).toBe(false);
    expect(isDocumentIn("content", "./notes.txt")).toBe(false);
    expect(isDocumentIn("content", "./content")).toBe(false);
  });
});

describe("slugFromPath", () => {
  it("makes one address segment from the file name only", () => {
    expect(slugFromPath("2019/Interpol Doha_2017.txt")).toBe("interpol-doha-2017");
    expect(slugFromPath("بيان الإنتربول.txt")).toBe("بيان-الإنتربول");
    expect(slugFromPath("../x/..evil...txt")).toBe("evil");
    expect(slugFromPath("\u202Egnp.txt")).toBe("gnp");
  });
});

/** The scan's answer per path: a document's source, or a fate's status and reason. */
function answers(found: FoundPath[]): Record<string, string> {
  return Object.fromEntries(found.map((entry) => [entry.path, entry.kind === "document" ? `read ${entry.source}` : `${entry.status}: ${entry.reason}`]));
}

describe("scanFolder: every path, nothing outside", () => {
  it("resolves links against the folder's real path, even when the folder itself is reached through a link", () => {
    const parent = mkdtempSync(join(tmpdir(), "archive-scan-"));
    mkdirSync(join(parent, "real/sub"), { recursive: true });
    writeFileSync(join(parent, "real/a.txt"), "نص");
    writeFileSync(join(parent, "real/sub/b.dat"), "نص");
    writeFileSync(join(parent, "outside.txt"), "نص");
    symlinkSync(join(parent, "real"), join(parent, "via-link"));
    symlinkSync(".", join(parent, "real/self"));
    symlinkSync("../real/sub/b.dat", join(parent, "real/out-and-back.txt")); // leaves real/ by name, ends inside
    symlinkSync("../../outside.txt", join(parent, "real/sub/up.txt"));
    symlinkSync("sub/up.txt", join(parent, "real/chain.md"));
    expect(answers(scanFolder(join(parent, "via-link")))).toEqual({
      "a.txt": "read a.txt",
      "chain.md": "rejected: is a link that leads outside the content folder: it is not read",
      "out-and-back.txt": "read sub/b.dat",
      self: "ignored: a link to the content folder itself, whose files are listed under their own names",
      "sub/b.dat": "ignored: .dat is not a document format (use .txt or .md)",
      "sub/up.txt": "rejected: is a link that leads outside the content folder: it is not read",
    });
  });

  it("does not take a sibling folder whose name starts like the content folder's for the inside", () => {
    const parent = mkdtempSync(join(tmpdir(), "archive-scan-"));
    mkdirSync(join(parent, "content"));
    mkdirSync(join(parent, "content-private"));
    writeFileSync(join(parent, "content-private/key.txt"), "سر");
    symlinkSync("../content-private/key.txt", join(parent, "content/key.txt"));
    expect(answers(scanFolder(join(parent, "content")))).toEqual({ "key.txt": "rejected: is a link that leads outside the content folder: it is not read" });
  });
});

describe("kindOf", () => {
  const entry = (yes: string) => {
    const method = (name: string) => () => name === yes;
    return { isFile: method("file"), isDirectory: method("dir"), isSymbolicLink: method("link"), isFIFO: method("fifo"), isSocket: method("socket") };
  };
  it("names what is not a file, so that it is never opened", () => {
    expect(["file", "dir", "link", "fifo", "socket", "device"].map((yes) => kindOf(entry(yes)))).toEqual(["file", "directory", "link", "a named pipe (FIFO)", "a socket", "a device"]);
  });
});

describe("names as they are printed and published", () => {
  it("escapes line breaks, control and direction characters, so one problem is one line in its true order", () => {
    expect(displayPath("a\nb\tc\u202Ed\u0007.txt")).toBe("a\\nb\\tc\\u{202E}d\\u{0007}.txt");
    expect(displayPath("2019/بيان الإنتربول.txt")).toBe("2019/بيان الإنتربول.txt");
  });

  it("warns about names that hide something, and says where the page is", () => {
    expect(fileNameNotes("x/-a\u202Eb\n.txt", "/documents/ab/").map((note) => note.message)).toEqual([
      "the file name contains a line break or another control character (shown as -a\\u{202E}b\\n.txt); it is published at /documents/ab/",
      "the file name contains direction control characters (U+202E), which make it display in a misleading order; they are left out of its address, /documents/ab/",
      "the file name starts with `-`, which command-line tools take for an option; it is published at /documents/ab/",
    ]);
    expect(fileNameNotes("-/ordinary-name.txt", "/documents/ordinary-name/")).toEqual([]);
  });

  it("describes a file system error without the absolute path Node puts in its message", () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/home/someone/content/a.txt'"), { code: "EACCES" });
    expect(describeError(error)).toBe("permission denied");
    expect(describeError(Object.assign(new Error("x"), { code: "EMFILE" }))).toBe("EMFILE");
  });
});
