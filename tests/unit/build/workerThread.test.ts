// runInWorker (src/build/workerThread.ts): a worker's batches joined in
// order once it says "done"; a worker that stops before that is an error
// that names it.
import { describe, expect, it } from "vitest";
import { runInWorker } from "../../../src/build/workerThread.ts";

const worker = (source: string): URL => new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort, workerData } from "node:worker_threads";\n${source}`)}`);

describe("runInWorker", () => {
  it("joins the batches the worker posts, in order, until it says done", async () => {
    const entry = worker(`parentPort.postMessage(workerData.slice(0, 2)); parentPort.postMessage(workerData.slice(2)); parentPort.postMessage("done");`);
    await expect(runInWorker<number>(entry, [1, 2, 3], "the test worker")).resolves.toEqual([1, 2, 3]);
  });

  it("fails, naming the worker, when it stops before saying done", async () => {
    const entry = worker(`parentPort.postMessage([1]); process.exit(3);`);
    await expect(runInWorker<number>(entry, null, "the test worker")).rejects.toThrow("the test worker stopped (exit code 3) before it had finished");
  });

  it("fails with the worker's own error", async () => {
    await expect(runInWorker<number>(worker(`throw new Error("no fonts here");`), null, "the test worker")).rejects.toThrow("no fonts here");
  });
});
