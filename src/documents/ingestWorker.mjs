// The helper thread of Archive.scanInParallel() (helperIngest.ts), in plain
// JavaScript: a worker thread does not get the parent's TypeScript loader,
// so it loads helperJob.ts, and all it imports, through tsx's API. Results
// go back in batches: one message for a whole share of a very large corpus
// would be one serialized buffer of gigabytes.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const BATCH = 500;
const { runHelperJob } = await tsImport("./helperJob.ts", import.meta.url);
for (let from = 0; from < workerData.files.length; from += BATCH) {
  parentPort.postMessage(await runHelperJob({ ...workerData, files: workerData.files.slice(from, from + BATCH) }));
}
parentPort.postMessage("done");
