// Serve a built site on 127.0.0.1 the way static hosting does (files as they
// are on disk, index.html for folders, the 404 page), and log every request:
// what was asked for, which file answered, how many body bytes went out.
// For the scripts; the tests have their own server (tests/support/server.ts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's own files: gzip-compressed binaries, served as they are.
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

/** One request the server answered. */
export interface ServedRequest {
  /** The path asked for, without the query string, percent-decoded. */
  path: string;
  /** The query string, with its "?", or "". */
  search: string;
  status: number;
  /** The file that answered (the 404 page for a missing one), or null. */
  file: string | null;
  /** Body bytes sent: the file's size on disk. */
  bytes: number;
  /** The browser's Sec-Fetch-Dest header (document, script, worker, style, font, empty…), or "". */
  dest: string;
  /** When the request came in and when its response ended, in ms (performance.now()). */
  started: number;
  finished: number;
}

export interface StaticServer {
  url: string;
  /** Every request answered so far, in the order they came in. */
  readonly log: readonly ServedRequest[];
  /** Requests received whose response has not ended yet. */
  readonly inFlight: number;
  /** performance.now() of the latest request start or end. */
  readonly lastActivity: number;
  close(): Promise<void>;
}

async function resolveFile(root: string, decodedPath: string): Promise<string | null> {
  const path = normalize(join(root, decodedPath));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  for (const candidate of [path, join(path, "index.html")]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

export async function serveSite(siteDir: string, headers: (path: string) => Record<string, string> = () => ({})): Promise<StaticServer> {
  const root = normalize(siteDir);
  const log: ServedRequest[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();

  const server: Server = createServer((request, response) => {
    const started = performance.now();
    inFlight++;
    lastActivity = started;
    const raw = request.url ?? "/";
    const queryAt = raw.indexOf("?");
    const rawPath = queryAt < 0 ? raw : raw.slice(0, queryAt);
    const search = queryAt < 0 ? "" : raw.slice(queryAt);
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      // Not valid percent-encoding: looked up as it is, and not found.
    }
    const entry: ServedRequest = { path, search, status: 0, file: null, bytes: 0, dest: header(request, "sec-fetch-dest"), started, finished: started };
    log.push(entry);
    const done = (): void => {
      entry.finished = performance.now();
      lastActivity = entry.finished;
      inFlight--;
    };
    void (async () => {
      try {
        const file = await resolveFile(root, path);
        const extraHeaders = headers(path);
        if (!file) {
          const notFoundFile = join(root, "404.html");
          const notFound = await readFile(notFoundFile).catch(() => null);
          const body = notFound ?? Buffer.from("not found");
          Object.assign(entry, { status: 404, file: notFound ? notFoundFile : null, bytes: body.length });
          response.writeHead(404, { "content-type": CONTENT_TYPES[".html"], ...extraHeaders });
          response.end(body, done);
          return;
        }
        const body = await readFile(file);
        Object.assign(entry, { status: 200, file, bytes: body.length });
        response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", ...extraHeaders });
        response.end(body, done);
      } catch (error) {
        entry.status = 500;
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end(String(error), done);
      }
    })();
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get inFlight() {
      return inFlight;
    },
    get lastActivity() {
      return lastActivity;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
