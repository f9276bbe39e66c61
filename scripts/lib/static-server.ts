/**
 * A small static file server for the built site, used by the end-to-end tests and the
 * benchmarks: serves `root` under `base` on 127.0.0.1, with or without the cross-origin
 * isolation headers, as a static host would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

/** Options of {@link serveStatic}. */
export interface StaticServerOptions {
  /** The folder to serve (the build output). */
  root: string;
  /** The URL prefix the site is published under, e.g. '/' or '/lstm-kit/'. */
  base?: string;
  /** Send COOP/COEP so that pages are cross-origin isolated. */
  isolate?: boolean;
  /** Port; 0 picks a free one. */
  port?: number;
}

/** A running server and the URL of the site's root. */
export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function serveStatic({
  root,
  base = '/',
  isolate = true,
  port = 0,
}: StaticServerOptions): Promise<RunningServer> {
  const absRoot = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (req, res) => {
    const headers: Record<string, string> = isolate
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {};
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const notFound = async () => {
      const page = join(absRoot, '404.html');
      res.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      createReadStream(page)
        .on('error', () => res.end('Not found'))
        .pipe(res);
    };
    if (!path.startsWith(prefix) && `${path}/` !== prefix) return notFound();
    const inside = normalize(path.slice(prefix.length - 1));
    let file = join(absRoot, inside);
    if (!file.startsWith(absRoot)) return notFound();
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { ...headers, Location: `${path}/` });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      return notFound();
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}${prefix}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
