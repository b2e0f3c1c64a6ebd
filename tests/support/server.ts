// Serve a built site on 127.0.0.1 the way static hosting does: files, index.html for folders, the 404 page.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
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
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const path = normalize(join(root, decoded));
  if (!path.startsWith(normalize(root))) return null;
  for (const candidate of [path, join(path, "index.html")]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

export async function serveSite(root: string, headers: (path: string) => Record<string, string> = () => ({})): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const urlPath = request.url ?? "/";
    void (async () => {
      const file = await resolveFile(root, urlPath);
      const extraHeaders = headers(urlPath.split("?")[0] ?? "/");
      if (!file) {
        const notFound = await readFile(join(root, "404.html")).catch(() => Buffer.from("not found"));
        response.writeHead(404, { "content-type": TYPES[".html"], ...extraHeaders });
        response.end(notFound);
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...extraHeaders });
      response.end(body);
    })();
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}
