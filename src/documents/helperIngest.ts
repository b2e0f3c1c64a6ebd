// The helper thread of Archive.scanInParallel() (ingestWorker.mjs, run by
// workerThread.ts): it reads and builds its share of the corpus's files with
// the same ingestFile() and posts the results back.
import { runInWorker } from "../build/workerThread.ts";
import type { IngestedFile, PendingFile } from "./archive.ts";

export interface HelperJob {
  contentDir: string;
  /** Where the project's data files are: the helper loads them itself. */
  dataDir: string;
  files: PendingFile[];
}

const WORKER = new URL("./ingestWorker.mjs", import.meta.url);

/** What ingestFile() gives for each of `job.files`, in order, built in a helper thread. */
export function ingestInHelper(job: HelperJob): Promise<IngestedFile[]> {
  return runInWorker<IngestedFile>(WORKER, job, "the helper thread reading the corpus");
}
