import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { classifyPath, isDocumentIn, slugFromPath } from "../../../src/documents/files.ts";

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
