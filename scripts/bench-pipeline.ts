// Micro-benchmark of the per-document pure pipeline: buildDocument() and
// searchRecord() over every file of a corpus folder, several rounds, with
// ms/doc per stage, heap use and (when run with --expose-gc or not) GC time.
//
//   npm run generate-corpus -- 1000 /tmp/c1000
//   node --import tsx scripts/bench-pipeline.ts /tmp/c1000 [rounds]
//   node --cpu-prof --import tsx scripts/bench-pipeline.ts /tmp/c1000 3
//   node --import tsx scripts/bench-pipeline.ts --dump out.jsonl DIR...
//
// --dump writes every document, problem list and search record built from
// the files under the folders given (recursively), one JSON line per file,
// so two versions of the pipeline can be compared byte for byte.
//
// Round 1 runs with cold word caches (as a build does); the later rounds show
// the steady state. The figures printed are per round and the median.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { Project } from "../src/project.ts";
import { buildDocument, type ArchiveDocument } from "../src/documents/pipeline.ts";
import { searchRecord } from "../src/search/records.ts";
import { arabicCharacters } from "../src/build/assets.ts";

const project = await Project.load();

if (process.argv[2] === "--dump") {
  const out = process.argv[3] ?? "pipeline-dump.jsonl";
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  const lines: string[] = [];
  for (const dir of process.argv.slice(4)) {
    for (const path of walk(dir).filter((file) => /\.(?:txt|md)$/.test(file))) {
      const result = buildDocument(path, path.endsWith(".md") ? "md" : "txt", readFileSync(path), project.data);
      const record = result.document ? searchRecord(result.document, project.viewContext) : null;
      const characters = result.document ? arabicCharacters([result.document.title, result.document.plainText]) : "";
      lines.push(JSON.stringify({ path, result, record, characters }));
    }
  }
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`${lines.length} files dumped to ${out}`);
  process.exit(0);
}

const folder = process.argv[2] ?? "/tmp/c1000";
const rounds = Number(process.argv[3] ?? 5);

let gcMs = 0;
let gcCount = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount++;
  }
});
observer.observe({ entryTypes: ["gc"] });

const files = readdirSync(folder)
  .filter((name) => name.endsWith(".txt") || name.endsWith(".md"))
  .sort();
const inputs = files.map((name) => ({
  name,
  format: (name.endsWith(".md") ? "md" : "txt") as "txt" | "md",
  bytes: readFileSync(join(folder, name)),
}));
const n = inputs.length;
console.log(`${n} documents from ${folder}, ${rounds} rounds`);

interface Round {
  build: number;
  search: number;
  chars: number;
  gc: number;
  gcs: number;
  heapMb: number;
}
const results: Round[] = [];
const gc = (globalThis as { gc?: () => void }).gc;

for (let round = 1; round <= rounds; round++) {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 10)); // let the GC observer flush
  const gcBefore = gcMs;
  const gcsBefore = gcCount;
  const t0 = performance.now();
  const documents: ArchiveDocument[] = [];
  for (const input of inputs) {
    const result = buildDocument(input.name, input.format, input.bytes, project.data);
    if (result.document) documents.push(result.document);
  }
  const t1 = performance.now();
  let size = 0;
  for (const document of documents) size += searchRecord(document, project.viewContext).content.length;
  const t2 = performance.now();
  const characters = arabicCharacters(documents.map((document) => `${document.title}\n${document.plainText}\n${JSON.stringify(document.place)}`));
  const t3 = performance.now();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  await new Promise((resolve) => setTimeout(resolve, 10));
  const row: Round = {
    build: (t1 - t0) / n,
    search: (t2 - t1) / n,
    chars: t3 - t2,
    gc: gcMs - gcBefore,
    gcs: gcCount - gcsBefore,
    heapMb,
  };
  results.push(row);
  console.log(
    `round ${round}: buildDocument ${row.build.toFixed(3)} ms/doc, searchRecord ${row.search.toFixed(3)} ms/doc, ` +
      `total ${(row.build + row.search).toFixed(3)} ms/doc; arabicCharacters ${row.chars.toFixed(1)} ms (${characters.length} chars); ` +
      `GC ${row.gc.toFixed(0)} ms in ${row.gcs} pauses; heap ${row.heapMb.toFixed(0)} MB; [${documents.length} docs, ${size} index chars]`,
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const build = median(results.map((r) => r.build));
const search = median(results.map((r) => r.search));
// The fastest round is the figure least disturbed by other work on the machine.
const fastest = (values: number[]): number => Math.min(...values);
const warm = results.length > 1 ? results.slice(1) : results;
console.log(
  `fastest warm round: buildDocument ${fastest(warm.map((r) => r.build)).toFixed(3)} ms/doc, searchRecord ${fastest(warm.map((r) => r.search)).toFixed(3)} ms/doc, ` +
    `total ${fastest(warm.map((r) => r.build + r.search)).toFixed(3)} ms/doc; cold first round total ${((results[0]?.build ?? 0) + (results[0]?.search ?? 0)).toFixed(3)} ms/doc`,
);
console.log(
  `median: buildDocument ${build.toFixed(3)} ms/doc, searchRecord ${search.toFixed(3)} ms/doc, total ${(build + search).toFixed(3)} ms/doc, ` +
    `arabicCharacters ${median(results.map((r) => r.chars)).toFixed(1)} ms, GC ${median(results.map((r) => r.gc)).toFixed(0)} ms/round`,
);
observer.disconnect();
