// Work in a worker thread of its own: a second core, and memory that ends
// with the thread. The worker is plain JavaScript (.mjs; a worker thread does
// not get the parent's TypeScript loader); it posts its results in batches,
// each an array, then "done" (one message for very many results would be one
// serialized buffer of gigabytes).
import { Worker } from "node:worker_threads";

/** Every result the worker at `entry` posts for `workerData`, in order; `what` names it in an error. */
export function runInWorker<T>(entry: URL, workerData: unknown, what: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData });
    const results: T[] = [];
    let done = false;
    worker.on("message", (message: T[] | "done") => {
      if (message !== "done") results.push(...message);
      else {
        done = true;
        void worker.terminate();
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (done ? resolve(results) : reject(new Error(`${what} stopped (exit code ${code}) before it had finished`))));
  });
}
