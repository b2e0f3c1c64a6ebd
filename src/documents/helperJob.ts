// What the helper thread of Archive.scanInParallel() runs (ingestWorker.mjs
// loads this one module): the project's data read again from its folder,
// then ingestFile() for each file of its share.
import { Project } from "../project.ts";
import { ingestFile, type IngestedFile } from "./archive.ts";
import type { HelperJob } from "./helperIngest.ts";

let loaded: Promise<Project> | undefined;

/** ingestFile() for each of `job.files`; the project's data is read once per thread. */
export async function runHelperJob(job: HelperJob): Promise<IngestedFile[]> {
  const { data } = await (loaded ??= Project.load(job.dataDir));
  return job.files.map((file) => ingestFile(job.contentDir, file, data));
}
