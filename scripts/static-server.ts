/**
 * Serves the built PWA the way a static host should: the right MIME types (the service
 * worker and web manifest need theirs), index.html for app routes, no caching for the
 * HTML shell and service worker so a new version is seen, and long caching for Vite's
 * hashed assets.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppServer } from './stack-config';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** `port` 0 picks a free port; the returned url names the one in use. */
export function serveStatic(root: string, port: number): Promise<AppServer> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    send(base, new URL(`http://app${req.url ?? '/'}`).pathname, req.method === 'HEAD', res).catch(() => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500);
        res.end();
      }
    });
  });
  return new Promise((done, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE' ? `Port ${port} is in use (set APP_PORT to another port)` : `App server did not start: ${error.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function send(base: string, pathname: string, headOnly: boolean, res: ServerResponse): Promise<void> {
  let file = resolve(base, `.${safeDecode(pathname)}`);
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(404);
    res.end();
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    // App routes (/today, /learn/3) have no file of their own; missing assets stay 404s.
    if (extname(pathname) !== '') {
      res.writeHead(404);
      res.end();
      return;
    }
    file = join(base, 'index.html');
    info = await stat(file);
  }
  // Only Vite's content-hashed assets may be cached for good; everything else, index.html
  // and sw.js above all, is revalidated so a new version is noticed.
  const hashed = file.startsWith(join(base, 'assets') + sep);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (headOnly) res.end();
  else await pipeline(createReadStream(file), res);
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
