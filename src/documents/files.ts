// Which files under the content folder are documents, and why the others are not.
import { readdirSync } from "node:fs";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";

export type DocumentFormat = "txt" | "md";

export type PathVerdict =
  | { kind: "document"; format: DocumentFormat }
  | { kind: "ignored"; reason: string };

const BACKUP_SUFFIXES = ["~", ".swp", ".swo", ".bak", ".tmp", ".orig"];

/** Decide from a path relative to the content folder (with `/` separators). */
export function classifyPath(relativePath: string): PathVerdict {
  const parts = relativePath.split("/");
  const name = parts[parts.length - 1] ?? relativePath;
  if (parts[0] === "_data") return { kind: "ignored", reason: "site data (settings and registries), not a document" };
  if (parts.some((part) => part.startsWith("."))) return { kind: "ignored", reason: "hidden file or folder" };
  if (BACKUP_SUFFIXES.some((suffix) => name.endsWith(suffix)) || name.startsWith("#")) {
    return { kind: "ignored", reason: "editor backup or temporary file" };
  }
  if (parts.some((part) => part.startsWith("_"))) return { kind: "ignored", reason: "folder or file starting with _ is private" };
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  if (extension === "txt" || extension === "md") return { kind: "document", format: extension };
  return {
    kind: "ignored",
    reason: extension ? `.${extension} is not a document format (use .txt or .md)` : "no file extension (use .txt or .md)",
  };
}

/** Whether `path` (as Eleventy's watcher names it) is a document of the corpus in `contentDir`. */
export function isDocumentIn(contentDir: string, path: string): boolean {
  const inside = relative(resolve(contentDir), resolve(path));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return false;
  return classifyPath(inside.split(sep).join("/")).kind === "document";
}

/** Every file under a folder, relative, `/`-separated, sorted so builds are deterministic. */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? posix.join(prefix, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === "node_modules") continue;
        walk(join(dir, entry.name), relative);
      } else {
        found.push(relative.split(sep).join("/"));
      }
    }
  };
  walk(root, "");
  return found.sort();
}

/** The URL name of a document, from its file name: stable when the title changes. */
export function slugFromPath(relativePath: string): string {
  const name = relativePath.split("/").pop() ?? relativePath;
  const stem = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
  return stem
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/[^\p{L}\p{N}-]+/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
