/**
 * HTTP plumbing shared by the local Supabase API: CORS as Supabase's gateway sends it,
 * JSON replies, bounded request bodies and where the API key and bearer token live.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Supabase's gateway answers every origin; the app may be served from anywhere. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    // x-retry-count: postgrest-js adds it when it retries a GET after a 503.
    'authorization, x-client-info, apikey, content-type, prefer, accept-profile, content-profile, x-supabase-api-version, range, x-retry-count',
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  // retry-after: so the app can read how long a 429 or 503 asks it to wait.
  'access-control-expose-headers': 'content-range, x-supabase-api-version, retry-after',
};

const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const BODY_TOO_LARGE = 'Request body is larger than 8 MiB';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Everything a route needs about one request. */
export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path below the API prefix, e.g. `/rpc/sync_pull` or `/token`. */
  path: string;
  url: URL;
  apiKey: string;
}

export type RouteHandler = (request: ApiRequest) => Promise<void>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, ...headers });
  res.end(JSON.stringify(body));
}

/** For bodies Postgres already rendered as JSON text: no parse and re-stringify. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Reads the whole body, or resolves `null` once it passes 8 MiB. The rest of an
 * oversized upload is drained rather than the socket destroyed, so the client
 * still receives the 413 (sent with `connection: close`).
 */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** supabase-js sends the key as a header; browsers opening a URL can only use the query. */
export function apiKeyOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.apikey;
  const value = Array.isArray(header) ? header[0] : header;
  return value || url.searchParams.get('apikey') || undefined;
}

export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = text.trim() === '' ? {} : JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
