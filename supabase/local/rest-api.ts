/**
 * `/rest/v1/rpc/<name>`: PostgREST's function calls. Each request runs in one
 * transaction on a pooled connection, as the JWT's role with the claims and request
 * details in `request.*` settings (what auth.uid() and RLS policies read) and the role's
 * own settings (its statement timeout), read-only for GET and for stable or immutable
 * functions, cut at max_rows, and answers JSON, or CSV streamed straight out of COPY.
 */

import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { Pool, PoolClient } from 'pg';
import { parse } from 'smol-toml';
import { streamCsv } from './csv-stream';
import { type ApiRequest, BODY_TOO_LARGE, bearerToken, jsonObject, type RouteHandler, readBody, sendEmpty, sendJson, sendJsonText } from './http-util';
import type { ApiKeys, JwtCodec } from './jwt';
import { isDatabaseError, isDatabaseUnavailable } from './pg-util';
import { fromDatabaseError, type PostgrestError, postgrestError } from './postgrest-errors';
import { csvCopyQuery, jsonCallQuery, type RpcFunction, type RpcFunctions, signature } from './rpc-functions';

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

/**
 * search_path as supabase/config.toml's extra_search_path gives PostgREST. Then the
 * settings `alter role ... set` gave the role (hosted: statement_timeout 8s for
 * authenticated, 3s for anon), over those of authenticator, the role PostgREST logs in
 * as, whose settings its session already has; a database-specific setting wins over
 * one for all databases. Read on every request, so no reload is needed after a change.
 */
const SETTINGS_SQL = `select
  set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.method', $3, true),
  set_config('request.path', $4, true),
  set_config('request.headers', $5, true),
  set_config('search_path', 'public, extensions', true),
  (select count(set_config(key, value, true)) from jsonb_each_text((
    select jsonb_object_agg(split_part(c.setting, '=', 1), substr(c.setting, strpos(c.setting, '=') + 1)
             order by s.setrole = $1::regrole, s.setdatabase <> 0, c.n)
    from pg_db_role_setting s, unnest(s.setconfig) with ordinality as c(setting, n)
    where s.setrole in ('authenticator'::regrole, $1::regrole)
      and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
  )))`;

interface Caller {
  role: string;
  claims: JWTPayload;
}

interface RestOptions {
  pool: Pool;
  jwt: JwtCodec;
  apiKeys: ApiKeys;
  functions: RpcFunctions;
  /** supabase/config.toml's [api] max_rows; null: no limit. */
  maxRows: number | null;
}

/** [api] max_rows of a Supabase CLI config; PostgREST's own default is no limit. */
export async function maxRowsFrom(configFile: string): Promise<number | null> {
  const config = parse(await readFile(configFile, 'utf8')) as { api?: { max_rows?: unknown } };
  const maxRows = config.api?.max_rows;
  if (maxRows === undefined) return null;
  if (typeof maxRows !== 'number' || !Number.isInteger(maxRows) || maxRows < 1) {
    throw new Error(`${configFile}: [api] max_rows must be a whole number of rows`);
  }
  return maxRows;
}

export function restApi({ pool, jwt, apiKeys, functions, maxRows }: RestOptions): RouteHandler {
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
    const caller = await authenticate(jwt, apiKeys, bearerToken(req) ?? apiKey);
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
    const request = { req, caller, path: `/rpc/${functionName}`, readOnly: req.method === 'GET' || !fn.volatile };
    try {
      if (wantsCsv) {
        await inTransaction(pool, request, async (client) => {
          await streamCsv(client, csvCopyQuery(fn, keys, argsJson, maxRows), res);
          return () => res.end();
        });
      } else {
        await inTransaction(pool, request, (client) => callForJson(client, fn, keys, argsJson, maxRows, res));
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
  maxRows: number | null,
  res: ServerResponse,
): Promise<Reply> {
  const { rows } = await client.query<[string | null]>({
    text: jsonCallQuery(fn, keys, maxRows),
    values: keys.length ? [argsJson] : [],
    rowMode: 'array',
  });
  const json = rows[0]?.[0] ?? 'null';
  return fn.result === 'void' ? () => sendEmpty(res, 204) : () => sendJsonText(res, 200, json);
}

async function authenticate(jwt: JwtCodec, apiKeys: ApiKeys, token: string): Promise<Caller | PostgrestError> {
  const keyRole = apiKeys.roleOf(token);
  if (keyRole) return { role: keyRole, claims: { role: keyRole } };
  const verified = await jwt.verify(token);
  if (!verified.ok) {
    return verified.expired ? postgrestError('PGRST303', 'JWT expired') : postgrestError('PGRST301', `JWSError ${verified.reason}`);
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
    known
      ? `Perhaps you meant to call the function ${signature(
          name,
          known.args.map((arg) => arg.name),
        )}`
      : null,
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

/** A read-only request whose function writes fails with 25006 (405), as in PostgREST. */
async function inTransaction(pool: Pool, { req, caller, path, readOnly }: TransactionRequest, work: (client: PoolClient) => Promise<Reply>): Promise<void> {
  const client = await pool.connect();
  let reply: Reply;
  try {
    await client.query(readOnly ? 'begin read only' : 'begin');
    await client.query(SETTINGS_SQL, [caller.role, JSON.stringify(caller.claims), req.method, path, JSON.stringify(req.headers)]);
    reply = await work(client);
    await client.query('commit');
  } catch (error) {
    // After a SQL error the connection is reusable; after anything else (an aborted COPY) it may not be.
    const reusable =
      isDatabaseError(error) &&
      (await client.query('rollback').then(
        () => true,
        () => false,
      ));
    client.release(!reusable);
    throw error;
  }
  client.release();
  reply();
}
