// npm run check [-- DIR]: the content report for a corpus folder (content/ by default).
// Exits 1 when a file would be rejected by the build, so it can guard a commit.
import { resolve } from "node:path";
import { Project, projectRoot } from "../src/project.ts";
import { contentReport, formatContentReport } from "../src/documents/contentReport.ts";

const contentDir = resolve(process.argv[2] ?? resolve(projectRoot, "content"));
const project = await Project.load();
const scan = project.rescan(contentDir);
process.stdout.write(formatContentReport(contentReport(scan, project.data.registry), scan));
process.exitCode = scan.problems.some((problem) => problem.severity === "error") ? 1 : 0;
