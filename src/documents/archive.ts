// The corpus as a whole: every file under the content folder, its fate, and the
// documents built from it. Scanned once per build; unchanged files are reused.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { classifyPath, listFiles } from "./files.ts";
import { buildDocument, MAX_DOCUMENT_BYTES, oversizeProblem, type ArchiveData, type ArchiveDocument, type DocumentResult, type Problem } from "./pipeline.ts";

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
      problems.push({
        file,
        severity: "error",
        message: `slug \`${slug}\` is also used by ${files.filter((other) => other !== file).join(", ")}`,
        fix: "rename one of the files, or give one a different `slug:` in its front matter",
      });
    }
  }
  return problems;
}

export class Archive {
  #cache = new Map<string, CachedResult>();

  constructor(private readonly data: ArchiveData) {}

  scan(contentDir: string): ArchiveScan {
    const fates: FileFate[] = [];
    const problems: Problem[] = [];
    const built: { file: string; document: ArchiveDocument }[] = [];
    const seen = new Set<string>();
    for (const file of listFiles(contentDir)) {
      const verdict = classifyPath(file);
      if (verdict.kind === "ignored") {
        fates.push({ file, status: "ignored", reason: verdict.reason });
        continue;
      }
      seen.add(file);
      const result = this.#build(contentDir, file, verdict.format);
      problems.push(...result.problems);
      if (result.document) built.push({ file, document: result.document });
      else fates.push({ file, status: "rejected", reason: result.problems.filter((p) => p.severity === "error").map((p) => p.message).join("; ") });
    }
    for (const cached of this.#cache.keys()) if (!seen.has(cached)) this.#cache.delete(cached);

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

  #build(contentDir: string, file: string, format: "txt" | "md"): DocumentResult {
    try {
      return this.#buildCached(contentDir, file, format);
    } catch (error) {
      // A file that vanished mid-scan, a broken link, no permission to read: say so, do not crash.
      const reason = error instanceof Error ? error.message : String(error);
      this.#cache.delete(file);
      return { document: null, problems: [{ file, severity: "error", message: `cannot be read (${reason})`, fix: "check that the file exists and that you may read it" }] };
    }
  }

  #buildCached(contentDir: string, file: string, format: "txt" | "md"): DocumentResult {
    const path = join(contentDir, file);
    const info = statSync(path);
    const stamp = `${info.size}:${info.mtimeMs}`;
    const cached = this.#cache.get(file);
    if (cached?.stamp === stamp) return cached.result;
    // Too large to be a document: say so without reading it (it may be a video renamed .txt).
    const result =
      info.size > MAX_DOCUMENT_BYTES
        ? { document: null, problems: [oversizeProblem(file, info.size)] }
        : buildDocument(file, format, readFileSync(path), this.data);
    this.#cache.set(file, { stamp, result });
    return result;
  }
}
