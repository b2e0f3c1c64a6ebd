// Writing files into the output folder outside Eleventy's templates (assets, exports, reports).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export function writeOutputFile(outputDir: string, path: string, content: string | Uint8Array): void {
  const target = resolve(outputDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
