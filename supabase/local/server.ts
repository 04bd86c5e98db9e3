/**
 * The API's front door, standing in for Supabase's gateway: CORS, the API-key check,
 * routing to /auth/v1, /rest/v1 and /functions/v1 (functions check their own caller,
 * as deployed with verify_jwt off), and the last word on unexpected errors (a 503 while
 * Postgres is down or restarting, a 500 for anything else). It listens
 * before the database is ready (a busy port fails fast, and a port picked by the OS is
 * known early) and answers 503 until the routes are attached.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FunctionsApi } from './functions-api';
import { apiKeyOf, CORS_HEADERS, type RouteHandler, sendJson } from './http-util';
import type { ApiKeys, JwtCodec } from './jwt';
import { isDatabaseUnavailable } from './pg-util';
import { postgrestError } from './postgrest-errors';

export interface Routes {
  auth: RouteHandler;
  rest: RouteHandler;
  functions: FunctionsApi;
  apiKeys: ApiKeys;
  jwt: JwtCodec;
  log: (line: string) => void;
}

export interface ApiServer {
  url: string;
  serve(routes: Routes): void;
  close(): Promise<void>;
}

const API_PATH = /^\/(auth|rest|functions)\/v1(\/.*)?$/;
const FUNCTION_PATH = /^\/([a-z0-9_-]+)\/?$/;

/** Public, as on hosted: whoever verifies the project's tokens fetches it without a key. */
const JWKS_PATH = '/auth/v1/.well-known/jwks.json';

const UNEXPECTED_AUTH_FAILURE = {
  code: 500,
  error_code: 'unexpected_failure',
  msg: 'Unexpected failure, please check server logs for more information',
};

const DATABASE_UNAVAILABLE_AUTH = {
  code: 503,
  error_code: 'unexpected_failure',
  msg: 'The database is not available, try again shortly',
};

/** As PostgREST answers while it cannot reach the database. */
const DATABASE_UNAVAILABLE_REST = postgrestError('PGRST001', 'Database client error. Retrying the connection.');

/** Seconds a client should wait before trying again while Postgres restarts. */
const RETRY_AFTER = { 'retry-after': '2' };

export function listenApi(port: number): Promise<ApiServer> {
  let routes: Routes | undefined;
  const server = createServer((req, res) => {
    handle(routes, req, res).catch((error: unknown) => {
      routes?.log(`${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      const auth = req.url?.startsWith('/auth/') ?? false;
      if (res.headersSent) res.destroy();
      else if (isDatabaseUnavailable(error)) sendJson(res, 503, auth ? DATABASE_UNAVAILABLE_AUTH : DATABASE_UNAVAILABLE_REST, RETRY_AFTER);
      else if (auth) sendJson(res, 500, UNEXPECTED_AUTH_FAILURE);
      else sendJson(res, 500, postgrestError('XX000', 'Internal server error'));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is in use (set API_PORT to another port)`)
          : new Error(`API server did not start: ${error.message}`),
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${boundPort}`,
        serve(attached) {
          routes = attached;
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive sockets and running exports would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(routes: Routes | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-max-age': '86400' });
    res.end();
    return;
  }
  // Prefixing keeps a path like `//x` a path instead of a host.
  const url = new URL(`http://api${req.url ?? '/'}`);
  const match = API_PATH.exec(url.pathname);
  if (!match) {
    sendJson(res, 404, postgrestError('PGRST125', 'Invalid path specified in request URL'));
    return;
  }
  if (!routes) {
    sendJson(res, 503, postgrestError('PGRST002', 'The API is still starting'), { 'retry-after': '1' });
    return;
  }
  if (match[1] === 'functions') {
    const name = FUNCTION_PATH.exec(match[2] ?? '')?.[1];
    if (!name) sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    else await routes.functions.handle(name, req, res, new URL(`${url.pathname}${url.search}`, `http://${req.headers.host ?? 'api'}`));
    return;
  }
  if (url.pathname === JWKS_PATH && req.method === 'GET') {
    sendJson(res, 200, routes.jwt.jwks, { 'cache-control': 'public, max-age=600' });
    return;
  }
  const apiKey = apiKeyOf(req, url);
  if (!apiKey) {
    sendJson(res, 401, { message: 'No API key found in request' });
    return;
  }
  if (!(await routes.apiKeys.accepts(apiKey))) {
    sendJson(res, 401, { message: 'Invalid API key' });
    return;
  }
  const route = match[1] === 'auth' ? routes.auth : routes.rest;
  await route({ req, res, path: match[2] ?? '/', url, apiKey });
}
