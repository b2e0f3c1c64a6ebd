// The helper thread of Archive.scanInParallel() (helperIngest.ts), in plain
// JavaScript: a worker thread does not get the parent's TypeScript loader,
// so it loads helperJob.ts, and all it imports, through tsx's API.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runHelperJob } = await tsImport("./helperJob.ts", import.meta.url);
parentPort.postMessage(await runHelperJob(workerData));
