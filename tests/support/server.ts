// Serve a built site on 127.0.0.1 the way static hosting does: the project's
// own static server (scripts/staticServer.ts), which the benchmark uses too.
export { serveSite, type StaticServer } from "../../scripts/staticServer.ts";
