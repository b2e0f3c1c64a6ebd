// Font subsetting in a worker thread of its own (fontSubsetWorker.mjs).
// subset-font's WebAssembly (harfbuzz, and the WOFF2 encoder) keeps about
// 140 MB for as long as its thread lives, and the build's process is at its
// largest at the end of rendering; the worker ends once the subsets are
// made, and that memory with it.
import { runInWorker } from "./workerThread.ts";

const WORKER = new URL("./fontSubsetWorker.mjs", import.meta.url);

/** Each font file cut down to `characters`, as WOFF2, in the order given. */
export function subsetFonts(fonts: readonly string[], characters: string): Promise<Uint8Array[]> {
  return runInWorker<Uint8Array>(WORKER, { fonts, characters }, "the font subsetting worker");
}
