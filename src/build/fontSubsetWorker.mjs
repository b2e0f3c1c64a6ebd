// The worker thread of fontSubset.ts (see workerThread.ts): it subsets each
// font with subset-font and posts the WOFF2 bytes back.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import subsetFont from "subset-font";

const subsets = [];
for (const font of workerData.fonts) subsets.push(await subsetFont(readFileSync(font), workerData.characters, { targetFormat: "woff2" }));
parentPort.postMessage(subsets);
parentPort.postMessage("done");
