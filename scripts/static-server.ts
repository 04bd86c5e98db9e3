/**
 * Serves the built PWA the way a static host serves it given the build's `_headers` file
 * (./app-headers.ts: security policy, long caching for Vite's hashed assets): the right
 * MIME types (the service worker and web manifest need theirs), index.html for app
 * routes, the build's brotli or gzip copy when the browser takes it, and revalidation
 * for everything not hashed (index.html and sw.js above all) so a new version is seen.
 * Source maps are never served.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type HeaderRule, headersFor, parseHeadersFile } from './app-headers';
import type { AppServer } from './stack-config';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
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

/** Files a host keeps to itself: source maps and the host's own configuration. */
const PRIVATE = /(\.map|\/_headers)$/;

/** Precompressed copies written by the build (scripts/vite-plugins.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** `port` 0 picks a free port; the returned url names the one in use. */
export async function serveStatic(root: string, port: number): Promise<AppServer> {
  const base = resolve(root);
  const headersFile = await readFile(join(base, '_headers'), 'utf8').catch(() => {
    throw new Error(`App server did not start: ${base} has no _headers file (build it with vite.config.ts)`);
  });
  const rules = parseHeadersFile(headersFile);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    send(base, rules, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500);
        res.end();
      }
    });
  });
  return new Promise((done, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} is in use (set APP_PORT to another port)` : `App server did not start: ${error.message}`));
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

async function send(base: string, rules: readonly HeaderRule[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = new URL(`http://app${req.url ?? '/'}`).pathname;
  const policy = headersFor(rules, pathname);
  let file = resolve(base, `.${safeDecode(pathname)}`);
  if ((file !== base && !file.startsWith(base + sep)) || PRIVATE.test(file)) {
    notFound(res, policy);
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
      notFound(res, policy);
      return;
    }
    file = join(base, 'index.html');
    info = await stat(file);
  }
  const variants = await Promise.all(ENCODINGS.map(async (encoding) => ({ ...encoding, info: await stat(file + encoding.suffix).catch(() => null) })));
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const chosen = variants.find((variant) => variant.info?.isFile() && accepted.has(variant.name));
  const sent = chosen?.info ?? info;
  const etag = `W/"${sent.size.toString(36)}-${Math.floor(sent.mtimeMs).toString(36)}${chosen ? `-${chosen.name}` : ''}"`;
  const { 'Cache-Control': cacheControl = 'no-cache', ...security } = policy;
  const headers: Record<string, string> = {
    ...security,
    'cache-control': cacheControl,
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    etag,
    ...(variants.some((variant) => variant.info) ? { vary: 'Accept-Encoding' } : {}),
    ...(chosen ? { 'content-encoding': chosen.name } : {}),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': sent.size });
  if (req.method === 'HEAD') res.end();
  else await pipeline(createReadStream(chosen ? file + chosen.suffix : file), res);
}

function notFound(res: ServerResponse, policy: Record<string, string>): void {
  res.writeHead(404, policy);
  res.end();
}

/** Codings the client takes (q > 0); `identity` is always acceptable. */
function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
