// The helper thread of Archive.scanInParallel() (helperIngest.ts, run by
// workerThread.ts). It loads helperJob.ts, and all it imports, through tsx's
// API, and posts its results in batches of 500.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const BATCH = 500;
const { runHelperJob } = await tsImport("./helperJob.ts", import.meta.url);
for (let from = 0; from < workerData.files.length; from += BATCH) {
  parentPort.postMessage(await runHelperJob({ ...workerData, files: workerData.files.slice(from, from + BATCH) }));
}
parentPort.postMessage("done");
