/**
 * `/rest/v1/rpc/<name>`: PostgREST's function calls. Each request runs in one
 * transaction on a pooled connection, as the JWT's role with the claims and request
 * details in `request.*` settings (what auth.uid() and RLS policies read), and answers
 * JSON, or CSV streamed straight out of COPY.
 */
import type { Pool, PoolClient } from 'pg';
import type { JWTPayload } from 'jose';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { streamCsv } from './csv-stream';
import { BODY_TOO_LARGE, bearerToken, jsonObject, readBody, sendEmpty, sendJson, sendJsonText, type ApiRequest, type RouteHandler } from './http-util';
import type { JwtCodec } from './jwt';
import { fromDatabaseError, postgrestError, type PostgrestError } from './postgrest-errors';
import { csvCopyQuery, jsonCallQuery, signature, type RpcFunction, type RpcFunctions } from './rpc-functions';
import { isDatabaseError, isDatabaseUnavailable } from './pg-util';

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

/** Supabase's limit for signed-in and anonymous API calls. */
const STATEMENT_TIMEOUT = '8s';
/** An export streams as fast as the client reads it, so it gets longer. */
const CSV_STATEMENT_TIMEOUT = '5min';

/** search_path as supabase/config.toml's extra_search_path gives PostgREST. */
const SETTINGS_SQL = `select
  set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.method', $3, true),
  set_config('request.path', $4, true),
  set_config('request.headers', $5, true),
  set_config('search_path', 'public, extensions', true),
  set_config('statement_timeout', coalesce($6, current_setting('statement_timeout')), true)`;

interface Caller {
  role: string;
  claims: JWTPayload;
}

interface RestOptions {
  pool: Pool;
  jwt: JwtCodec;
  functions: RpcFunctions;
}

export function restApi({ pool, jwt, functions }: RestOptions): RouteHandler {
  return async ({ req, res, path, url, apiKey }: ApiRequest) => {
    const name = /^\/rpc\/([^/]+)$/.exec(path)?.[1];
    if (!name) {
      sendJson(res, 404, postgrestError('PGRST125', 'Invalid path specified in request URL'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      sendJson(res, 405, postgrestError('PGRST101', 'Only GET and POST are allowed for functions'));
      return;
    }
    const caller = await authenticate(jwt, bearerToken(req) ?? apiKey);
    if ('code' in caller) {
      const description = caller.message.replaceAll('"', "'");
      sendJson(res, 401, caller, { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` });
      return;
    }
    const argsJson = req.method === 'GET' ? queryArgs(url) : await readBody(req);
    if (argsJson === null) {
      sendJson(res, 413, postgrestError('54000', BODY_TOO_LARGE), { connection: 'close' });
      return;
    }
    const args = jsonObject(argsJson);
    if (!args) {
      sendJson(res, 400, postgrestError('PGRST102', 'Invalid body', 'Expected a JSON object of named arguments'));
      return;
    }
    const functionName = decodePathSegment(name);
    const keys = Object.keys(args).sort();
    const resolution = await functions.resolve(functionName, keys);
    if (!resolution.found) {
      sendJson(res, 404, notFound(functionName, keys, resolution.overloads));
      return;
    }
    const fn = resolution.found;
    const wantsCsv = (req.headers.accept ?? '').includes('text/csv');
    if (wantsCsv && fn.result !== 'set') {
      sendJson(res, 406, postgrestError('PGRST107', 'None of these media types are available: text/csv', 'Only set-returning functions can answer CSV'));
      return;
    }
    const request = { req, caller, path: `/rpc/${functionName}`, readOnly: req.method === 'GET' };
    try {
      if (wantsCsv) {
        await inTransaction(pool, request, CSV_STATEMENT_TIMEOUT, async (client) => {
          await streamCsv(client, csvCopyQuery(fn, keys, argsJson), res);
          return () => res.end();
        });
      } else {
        await inTransaction(pool, request, STATEMENT_TIMEOUT, (client) => callForJson(client, fn, keys, argsJson, res));
      }
    } catch (error) {
      // server.ts answers a database outage the same way for every route.
      if (isDatabaseUnavailable(error)) throw error;
      const failure = fromDatabaseError(error, caller.role);
      if (!failure) throw error;
      if (failure.body.code === '42883') functions.forget(functionName);
      if (res.headersSent) res.destroy();
      else sendJson(res, failure.status, failure.body);
    }
  };
}

async function callForJson(
  client: PoolClient,
  fn: RpcFunction,
  keys: readonly string[],
  argsJson: string,
  res: ServerResponse,
): Promise<Reply> {
  const { rows } = await client.query<[string | null]>({
    text: jsonCallQuery(fn, keys),
    values: keys.length ? [argsJson] : [],
    rowMode: 'array',
  });
  const json = rows[0]?.[0] ?? 'null';
  return fn.result === 'void' ? () => sendEmpty(res, 204) : () => sendJsonText(res, 200, json);
}

async function authenticate(jwt: JwtCodec, token: string): Promise<Caller | PostgrestError> {
  const verified = await jwt.verify(token);
  if (!verified.ok) {
    return verified.expired
      ? postgrestError('PGRST303', 'JWT expired')
      : postgrestError('PGRST301', `JWSError ${verified.reason}`);
  }
  const role = verified.claims.role ?? 'anon';
  if (typeof role !== 'string' || !API_ROLES.has(role)) {
    return postgrestError('PGRST301', `JWT role ${JSON.stringify(role)} is not one of anon, authenticated, service_role`);
  }
  return { role, claims: verified.claims };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** GET passes arguments in the query string, all as text. */
function queryArgs(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete('apikey');
  return JSON.stringify(Object.fromEntries(params));
}

function notFound(name: string, keys: readonly string[], overloads: readonly RpcFunction[]): PostgrestError {
  const known = overloads[0];
  return postgrestError(
    'PGRST202',
    `Could not find the function ${signature(name, keys)} in the schema cache`,
    `Searched for the function public.${name} with parameters ${keys.join(', ') || '(none)'}, but no matches were found in the schema cache.`,
    known ? `Perhaps you meant to call the function ${signature(name, known.args.map((arg) => arg.name))}` : null,
  );
}

interface TransactionRequest {
  req: IncomingMessage;
  caller: Caller;
  path: string;
  readOnly: boolean;
}

/** Finishes the response; runs only after COMMIT, so a failing commit is still reported. */
type Reply = () => void;

/** GET runs read-only, so a function that writes fails with 25006 (405), as in PostgREST. */
async function inTransaction(
  pool: Pool,
  { req, caller, path, readOnly }: TransactionRequest,
  timeout: string,
  work: (client: PoolClient) => Promise<Reply>,
): Promise<void> {
  const client = await pool.connect();
  let reply: Reply;
  try {
    await client.query(readOnly ? 'begin read only' : 'begin');
    await client.query(SETTINGS_SQL, [
      caller.role,
      JSON.stringify(caller.claims),
      req.method,
      path,
      JSON.stringify(req.headers),
      caller.role === 'service_role' ? null : timeout,
    ]);
    reply = await work(client);
    await client.query('commit');
  } catch (error) {
    // After a SQL error the connection is reusable; after anything else (an aborted COPY) it may not be.
    const reusable = isDatabaseError(error) && (await client.query('rollback').then(() => true, () => false));
    client.release(!reusable);
    throw error;
  }
  client.release();
  reply();
}
