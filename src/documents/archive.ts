// The corpus as a whole: every file under the content folder, its fate, and the
// documents built from it. Scanned once per build; unchanged files are reused.
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeError, scanFolder, type DocumentFormat } from "./files.ts";
import { ingestInHelper } from "./helperIngest.ts";
import { buildDocument, oversizeProblem, type ArchiveData, type ArchiveDocument, type DocumentResult, type Problem } from "./pipeline.ts";

export type FileStatus = "published" | "ignored" | "rejected";

export interface FileFate {
  file: string;
  status: FileStatus;
  reason?: string;
  url?: string;
}

export interface ArchiveScan {
  documents: ArchiveDocument[];
  fates: FileFate[];
  problems: Problem[];
  /** Documents by their path relative to the content folder. */
  byPath: Map<string, ArchiveDocument>;
}

interface CachedResult {
  stamp: string;
  result: DocumentResult;
}

/** Two files may not publish to the same URL: every file involved gets an error. */
function duplicateSlugProblems(results: { file: string; document: ArchiveDocument }[]): Problem[] {
  const bySlug = new Map<string, string[]>();
  for (const { file, document } of results) bySlug.set(document.slug, [...(bySlug.get(document.slug) ?? []), file]);
  const problems: Problem[] = [];
  for (const [slug, files] of bySlug) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file);
      // Report.txt and report.txt are two files here, one file on Windows and macOS: say why they clash.
      const caseOnly = others.some((other) => other.toLowerCase() === file.toLowerCase());
      const note = caseOnly ? " (the names differ only by letter case: on Windows and macOS they are the same file)" : "";
      problems.push({
        file,
        severity: "error",
        message: `slug \`${slug}\` is also used by ${others.join(", ")}${note}`,
        fix: "rename one of the files, or give one a different `slug:` in its front matter",
      });
    }
  }
  return problems;
}

/** A file to build: where it is, how to read it, and the size and time it had when looked at. */
export interface PendingFile {
  file: string;
  format: DocumentFormat;
  /** What to read, relative to the content folder (where a link inside it leads, or the file itself). */
  source: string;
  /** device:inode as the scan saw it: a file swapped for another (or for a link) since then is not read. */
  identity: string;
  stamp: string;
  size: number;
}

/** What reading a file gave, and whether to keep it for the next scan (a file that could not be read is tried again). */
export interface IngestedFile {
  result: DocumentResult;
  keep: boolean;
}

const cannotRead = (file: string, error: unknown): DocumentResult => {
  // A file that vanished mid-scan, no permission to read: say so, do not crash.
  return {
    document: null,
    problems: [{ file, severity: "error", message: `cannot be read (${describeError(error)})`, fix: "check that the file exists and that the user running the build may read it (chmod a+r)" }],
  };
};

// O_NOFOLLOW: the last part of the path must not have become a link since the scan; O_NONBLOCK: opening
// a FIFO put in its place cannot wait for a writer. (Neither exists on Windows, which has no FIFOs.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Read and build one file of the corpus, only if it is still the regular file the scan saw. */
export function ingestFile(contentDir: string, pending: PendingFile, data: ArchiveData): IngestedFile {
  // Too large to be a document: say so without reading it (it may be a video renamed .txt).
  if (pending.size > data.maxDocumentBytes) return { result: { document: null, problems: [oversizeProblem(pending.file, pending.size, data.maxDocumentBytes)] }, keep: true };
  let fd: number;
  try {
    fd = openSync(join(contentDir, pending.source), OPEN_FLAGS);
  } catch (error) {
    return { result: cannotRead(pending.file, error), keep: false };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || `${info.dev}:${info.ino}` !== pending.identity) {
      const problem: Problem = { file: pending.file, severity: "error", message: "changed into another file while the build was reading the folder: it is not read", fix: "build again" };
      return { result: { document: null, problems: [problem] }, keep: false };
    }
    if (info.size > data.maxDocumentBytes) return { result: { document: null, problems: [oversizeProblem(pending.file, info.size, data.maxDocumentBytes)] }, keep: false };
    return { result: buildDocument(pending.file, pending.format, readFileSync(fd), data), keep: true };
  } catch (error) {
    return { result: cannotRead(pending.file, error), keep: false };
  } finally {
    closeSync(fd);
  }
}

/** Below this many files to build, a scan does not start a helper thread: starting it costs more than it saves. */
export const PARALLEL_SCAN_MIN_FILES = 400;
/** The share of the files the helper thread builds: less than half, as it starts later. */
const HELPER_SHARE = 0.45;

/** The corpus's paths as found: the files to read, in path order, and the fates decided without reading (with their problems). */
interface Survey {
  files: (Omit<PendingFile, "stamp"> & { mtimeMs: number })[];
  decided: FileFate[];
  problems: Problem[];
}

export class Archive {
  #cache = new Map<string, CachedResult>();

  /**
   * `dataDir` is where `data` was read from: a helper thread of
   * scanInParallel() reads it there again (the registry's matchers cannot be
   * copied to another thread).
   */
  constructor(
    private readonly data: ArchiveData,
    private readonly dataDir?: string,
  ) {}

  scan(contentDir: string): ArchiveScan {
    const survey = this.#survey(contentDir);
    this.#ingestHere(contentDir, this.#pending(survey));
    return this.#assemble(survey);
  }

  /**
   * The same scan, with the files to build shared with a helper thread when
   * there are many (a whole corpus at the start of a build): reading and
   * parsing is most of the work before rendering, and it uses one core.
   */
  async scanInParallel(contentDir: string): Promise<ArchiveScan> {
    const survey = this.#survey(contentDir);
    const pending = this.#pending(survey);
    if (pending.length < PARALLEL_SCAN_MIN_FILES || this.dataDir === undefined) {
      this.#ingestHere(contentDir, pending);
      return this.#assemble(survey);
    }
    const ours = pending.slice(0, pending.length - Math.floor(pending.length * HELPER_SHARE));
    const theirs = pending.slice(ours.length);
    const helper = ingestInHelper({ contentDir, dataDir: this.dataDir, files: theirs });
    this.#ingestHere(contentDir, ours);
    (await helper).forEach((ingested, n) => this.#keep(theirs[n] as PendingFile, ingested));
    return this.#assemble(survey);
  }

  /** Read and build `files` in this thread, keeping each result. */
  #ingestHere(contentDir: string, files: readonly PendingFile[]): void {
    for (const file of files) this.#keep(file, ingestFile(contentDir, file, this.data));
  }

  #survey(contentDir: string): Survey {
    const survey: Survey = { files: [], decided: [], problems: [] };
    for (const found of scanFolder(contentDir)) {
      if (found.kind === "document") {
        const { path: file, format, source, identity, size, mtimeMs } = found;
        survey.files.push({ file, format, source, identity, size, mtimeMs });
        continue;
      }
      survey.decided.push({ file: found.path, status: found.status, reason: found.reason });
      if (found.status === "rejected") survey.problems.push({ file: found.path, severity: "error", message: found.reason, fix: found.fix ?? "remove it from the content folder" });
    }
    const seen = new Set(survey.files.map(({ file }) => file));
    for (const cached of this.#cache.keys()) if (!seen.has(cached)) this.#cache.delete(cached);
    return survey;
  }

  /** The files changed since they were last built (or never built); a file that cannot even be looked at gets its problem at once. */
  #pending(survey: Survey): PendingFile[] {
    const pending: PendingFile[] = [];
    for (const { mtimeMs, ...file } of survey.files) {
      // The source and identity are part of the stamp: a link pointed elsewhere is read again.
      const stamp = `${file.source}:${file.identity}:${file.size}:${mtimeMs}`;
      if (this.#cache.get(file.file)?.stamp !== stamp) pending.push({ ...file, stamp });
    }
    return pending;
  }

  #keep(pending: PendingFile, { result, keep }: IngestedFile): void {
    // A result not kept is still this scan's answer; its empty stamp makes the next scan read the file again.
    this.#cache.set(pending.file, { stamp: keep ? pending.stamp : "", result });
  }

  #assemble(survey: Survey): ArchiveScan {
    const fates: FileFate[] = [...survey.decided];
    const problems: Problem[] = [...survey.problems];
    const built: { file: string; document: ArchiveDocument }[] = [];
    for (const { file } of survey.files) {
      const result = this.#cache.get(file)?.result;
      if (!result) throw new Error(`internal error: ${file} was neither built nor kept`);
      problems.push(...result.problems);
      if (result.document) built.push({ file, document: result.document });
      else fates.push({ file, status: "rejected", reason: result.problems.filter((p) => p.severity === "error").map((p) => p.message).join("; ") });
    }

    const duplicates = duplicateSlugProblems(built);
    problems.push(...duplicates);
    const rejectedByDuplicate = new Set(duplicates.map((p) => p.file));
    const byPath = new Map<string, ArchiveDocument>();
    for (const { file, document } of built) {
      if (rejectedByDuplicate.has(file)) {
        fates.push({ file, status: "rejected", reason: `slug \`${document.slug}\` is used by more than one file` });
      } else {
        byPath.set(file, document);
        fates.push({ file, status: "published", url: document.url });
      }
    }
    fates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { documents: [...byPath.values()], fates, problems, byPath };
  }
}
