// The helper thread of Archive.scanInParallel() (ingestWorker.mjs): it reads
// and builds its share of the corpus's files with the same ingestFile() and
// posts the results back.
import { Worker } from "node:worker_threads";
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
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job });
    const ingested: IngestedFile[] = [];
    let done = false;
    // Batches of results, then "done" (ingestWorker.mjs).
    worker.on("message", (message: IngestedFile[] | "done") => {
      if (message !== "done") ingested.push(...message);
      else {
        done = true;
        void worker.terminate();
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (done ? resolve(ingested) : reject(new Error(`the helper thread reading the corpus stopped (exit code ${code}) before it had read its files`))));
  });
}
