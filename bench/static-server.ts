/**
 * The one static server the cold-start phase serves all three sites with (Tandem's production build and the
 * two anchors), each from its own server on 127.0.0.1 at the root of its own origin: the anchors' asset URLs
 * are root-absolute. The same code, headers and compression for all three, so no site is favoured:
 *
 * - Every file is read and gzipped once, when the server starts, and served from memory: no disk and no
 *   compression inside a measured load. Gzip (level 6) is sent when the browser accepts it, as static
 *   hosts do; the anchors' sizes are then comparable with the "up-front JS, gzip" figure.
 * - No security headers (no CSP, no COOP/COEP) for any of the three: our `_headers` file is not applied.
 *   Tandem's build still carries its <meta> policy, which is part of its index.html.
 * - `/` and any `/path/` serve `index.html`; `/name` serves `name.html` when there is one (Next's export);
 *   anything else is a 404 (with the site's `404.html` when it has one).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.gguf': 'application/octet-stream',
};
/** Compressed formats gain nothing from gzip. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.txt',
  '.xml',
  '.svg',
  '.wasm',
  '.ttf',
]);
/** Larger files (generated models) are not served: no page load asks for them. */
const MAX_FILE_BYTES = 64 * 2 ** 20;

interface Entry {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
}

export interface StaticSite {
  /** The origin, e.g. http://127.0.0.1:40123 */
  url: string;
  files: number;
  close(): Promise<void>;
}

function readTree(root: string): Map<string, Entry> {
  const files = new Map<string, Entry>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.size <= MAX_FILE_BYTES) {
        const ext = extname(name).toLowerCase();
        const body = readFileSync(path);
        files.set('/' + relative(root, path).split(sep).join('/'), {
          type: TYPES[ext] ?? 'application/octet-stream',
          body,
          gzip: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 6 }) : null,
        });
      }
    }
  };
  walk(root);
  return files;
}

function lookup(files: Map<string, Entry>, pathname: string): Entry | undefined {
  if (pathname.endsWith('/')) return files.get(`${pathname}index.html`);
  return files.get(pathname) ?? files.get(`${pathname}.html`);
}

function respond(files: Map<string, Entry>, req: IncomingMessage, res: ServerResponse): void {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = lookup(files, pathname);
  const entry = found ?? files.get('/404.html');
  const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? entry?.gzip : null;
  const gzip = gzipped !== null && gzipped !== undefined;
  const body = entry ? (gzipped ?? entry.body) : Buffer.from('Not found');
  res.writeHead(found ? 200 : 404, {
    'Content-Type': entry?.type ?? 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string): Promise<StaticSite> {
  const files = readTree(root);
  const server = createServer((req, res) => respond(files, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files: files.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
