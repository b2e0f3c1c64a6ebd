// `npm start` run by a test: the project's own helper (scripts/devServer.ts),
// which the benchmark uses too.
export { startDevServer, type DevServer } from "../../scripts/devServer.ts";
