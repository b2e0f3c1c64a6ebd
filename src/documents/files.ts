// Which files under the content folder are documents, and why the others are not.
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
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

/** What the scan found at one path: a document to read, or a fate decided without reading anything. */
export type FoundPath =
  | {
      kind: "document";
      path: string;
      format: DocumentFormat;
      /** The file to read, relative to the content folder: the path itself, or where a link inside the folder leads. */
      source: string;
      size: number;
      mtimeMs: number;
      /** device:inode of the file, so that one file reached by two names is read once, and a file swapped after the scan is noticed. */
      identity: string;
    }
  | { kind: "fate"; path: string; status: "ignored" | "rejected"; reason: string; fix?: string };

const NOT_READ_FIX = "copy the file into the content folder if it belongs to the archive, or remove the link";
const NOWHERE_FIX = "remove the link, or point it at a file inside the content folder";
const SPECIAL_FIX = "remove it from the content folder: only plain text files are documents";
const UNREADABLE_FIX = "give the user that runs the build permission to read it (chmod a+r), or move it out of the content folder";

/** A file system error in words, without the absolute path Node's message carries (the report is published). */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOENT: "it no longer exists",
    EISDIR: "it is a folder",
    ELOOP: "it is a link",
    EIO: "a disk read error",
  };
  return (code && words[code]) ?? code ?? (error instanceof Error ? error.message : String(error));
}

type EntryKind = "file" | "directory" | "link" | "a named pipe (FIFO)" | "a socket" | "a device";

/** What a directory entry (or an lstat) is; anything not a file, folder, link, FIFO or socket is a device. */
export function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }): EntryKind {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "directory";
  if (entry.isSymbolicLink()) return "link";
  if (entry.isFIFO()) return "a named pipe (FIFO)";
  if (entry.isSocket()) return "a socket";
  return "a device";
}

const looksLikeDocument = (name: string): boolean => /\.(?:txt|md)$/i.test(name);

/**
 * Every path under the content folder and what it is, without opening any
 * file: the folder is walked without following links (one readdir per
 * folder, whose entries carry their type, and one lstat per document), so
 * every file reached by walking is inside it. Only a link can lead outside,
 * so each link, and only a link, is resolved with realpath and must end
 * inside the folder's own real path; a link to a folder is not walked (its
 * files are reached under their own names, and no loop can start). FIFOs,
 * sockets and devices are named by their type and never opened.
 */
export function scanFolder(root: string): FoundPath[] {
  const found: FoundPath[] = [];
  const realRoot = realpathSync.native(root);
  const inside = (real: string): string | null =>
    real === realRoot ? "" : real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep) ? relative(realRoot, real).split(sep).join("/") : null;
  const fate = (path: string, status: "ignored" | "rejected", reason: string, fix?: string): void => {
    found.push(fix === undefined ? { kind: "fate", path, status, reason } : { kind: "fate", path, status, reason, fix });
  };
  const document = (path: string, source: string, format: DocumentFormat): void => {
    try {
      const info = lstatSync(join(realRoot, source));
      found.push({ kind: "document", path, format, source, size: info.size, mtimeMs: info.mtimeMs, identity: `${info.dev}:${info.ino}` });
    } catch (error) {
      fate(path, "rejected", `cannot be read (${describeError(error)})`, UNREADABLE_FIX);
    }
  };
  const special = (path: string, what: string, verdict: PathVerdict): void => {
    if (verdict.kind === "document") fate(path, "rejected", `is ${what}, not a file: it is not read`, SPECIAL_FIX);
    else fate(path, "ignored", `${what}, not a file`);
  };

  const followLink = (path: string): void => {
    let real: string;
    try {
      real = realpathSync.native(join(root, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ELOOP") fate(path, "rejected", "is a link that leads back to itself (a loop): it is not read", NOWHERE_FIX);
      else if (code === "ENOENT") fate(path, "rejected", "is a link to a file that does not exist", NOWHERE_FIX);
      else fate(path, "rejected", `is a link that cannot be followed (${describeError(error)})`, NOWHERE_FIX);
      return;
    }
    const target = inside(real);
    if (target === null) return fate(path, "rejected", "is a link that leads outside the content folder: it is not read", NOT_READ_FIX);
    let info;
    try {
      info = statSync(real);
    } catch (error) {
      return fate(path, "rejected", `cannot be read (${describeError(error)})`, UNREADABLE_FIX);
    }
    const verdict = classifyPath(path);
    const kind = kindOf(info);
    const folder = target === "" ? "the content folder itself" : `the folder ${target}/`;
    if (kind === "directory") return fate(path, "ignored", `a link to ${folder}, whose files are listed under their own names`);
    if (kind !== "file") return special(path, `a link to ${kind}`, verdict);
    if (verdict.kind === "ignored") return fate(path, "ignored", verdict.reason);
    const reachedAsItself = classifyPath(target).kind === "document" && !target.split("/").includes("node_modules");
    if (reachedAsItself) return fate(path, "ignored", `a link to ${target}, which is published under its own name`);
    document(path, target, verdict.format);
  };

  const walk = (prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(prefix ? join(root, prefix) : root, { withFileTypes: true });
    } catch (error) {
      if (prefix === "") throw error;
      return fate(`${prefix}/`, "rejected", `the folder cannot be read (${describeError(error)}): the files in it are not in the site`, UNREADABLE_FIX);
    }
    for (const entry of entries) {
      const path = prefix ? posix.join(prefix, entry.name) : entry.name;
      // A file system that does not give entry types (DT_UNKNOWN) gets one lstat.
      let kind = kindOf(entry);
      if (kind === "a device" && !entry.isBlockDevice() && !entry.isCharacterDevice()) {
        try {
          kind = kindOf(lstatSync(join(root, path)));
        } catch (error) {
          fate(path, "rejected", `cannot be read (${describeError(error)})`, UNREADABLE_FIX);
          continue;
        }
      }
      if (kind === "directory") {
        if (entry.name === "node_modules") fate(`${path}/`, "ignored", "installed packages (node_modules): not scanned");
        else {
          if (looksLikeDocument(entry.name)) fate(`${path}/`, "ignored", "a folder, not a document: the files in it are listed on their own");
          walk(path);
        }
      } else if (kind === "link") followLink(path);
      else {
        const verdict = classifyPath(path);
        if (kind !== "file") special(path, kind, verdict);
        else if (verdict.kind === "ignored") fate(path, "ignored", verdict.reason);
        else document(path, path, verdict.format);
      }
    }
  };
  walk("");
  return oncePerFile(found);
}

/** In path order, one file reached by several names (links, hard links) read once, under the first name; the others say which. */
function oncePerFile(found: FoundPath[]): FoundPath[] {
  const first = new Map<string, string>();
  const sorted = found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((entry): FoundPath => {
    if (entry.kind !== "document" || entry.identity.endsWith(":0")) return entry;
    const earlier = first.get(entry.identity);
    if (earlier === undefined) {
      first.set(entry.identity, entry.path);
      return entry;
    }
    const reason = entry.source === entry.path ? `the same file as ${earlier} (a hard link), read under that name` : `a link to the same file as ${earlier}, which is read in its place`;
    return { kind: "fate", path: entry.path, status: "ignored", reason };
  });
}

/** A path as it is printed: line breaks, control and direction characters escaped, so one problem is one line and reads in its true order. */
export function displayPath(path: string): string {
  return path.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\t") return "\\t";
    return `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}}`;
  });
}

/** What a file's own name may hide: the warnings for a published name that is not what it looks like. */
export function fileNameNotes(relativePath: string, url: string): { message: string; fix: string }[] {
  const name = relativePath.split("/").pop() ?? relativePath;
  const notes: { message: string; fix: string }[] = [];
  const rename = "rename the file: lower-case letters, digits and hyphens, e.g. `interpol-conference-2017.txt`";
  if (/[\p{Cc}\u2028\u2029]/u.test(name)) {
    notes.push({ message: `the file name contains a line break or another control character (shown as ${displayPath(name)}); it is published at ${url}`, fix: rename });
  }
  const direction = [...new Set(name.match(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu) ?? [])];
  if (direction.length > 0) {
    const codes = direction.map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(", ");
    notes.push({ message: `the file name contains direction control characters (${codes}), which make it display in a misleading order; they are left out of its address, ${url}`, fix: rename });
  }
  if (name.startsWith("-")) notes.push({ message: `the file name starts with \`-\`, which command-line tools take for an option; it is published at ${url}`, fix: rename });
  return notes;
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
