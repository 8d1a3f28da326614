// A tiny static file server for the built site (node:http, no dependency), bound to 127.0.0.1 on
// a free port. `prefix` mounts dist/ under a subpath (e.g. "/atlas/") to prove the site's links
// are relative and survive being hosted below a domain's root.
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm", // required for WebAssembly.instantiateStreaming
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticServer {
  /** Base URL of the site, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/** Maps a URL path to a file in `root`, or null when outside the prefix, outside root, or missing. */
export function resolveStaticPath(root: string, prefix: string, urlPath: string): string | null {
  if (!urlPath.startsWith(prefix)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice(prefix.length));
  } catch {
    return null;
  }
  const file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory())
    return existsSync(join(file, "index.html")) ? join(file, "index.html") : null;
  if (existsSync(file)) return file;
  // Framework's clean URLs: /data → data.html.
  return existsSync(file + ".html") ? file + ".html" : null;
}

export function serveStatic(root: string, { prefix = "/" } = {}): Promise<StaticServer> {
  const base = prefix.endsWith("/") ? prefix : prefix + "/";
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    const file = resolveStaticPath(root, base, path);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (!address || typeof address === "string") return reject(new Error("no port"));
      resolve({
        url: `http://127.0.0.1:${address.port}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
