/**
 * Set-returning RPCs as CSV, streamed: a plain fetch with `Accept: text/csv`
 * whose body the caller reads chunk by chunk (supabase-js `.csv()` would wait
 * for the whole body as one string). Expected failures come back as values.
 */
import type { RpcFailure } from './rpc';
import { ApiError, type RpcArgs } from './types';

/** RPCs that return a set of rows, so PostgREST can answer them as CSV. */
export type CsvRpcName = 'audit_export';

export interface ApiEndpoint {
  /** The API's base URL, e.g. http://127.0.0.1:54321 */
  url: string;
  anonKey: string;
  /** The signed-in user's current JWT (null when signed out). */
  accessToken(): Promise<string | null>;
  fetch?: typeof fetch;
}

export type CsvStreamFailure = RpcFailure | { kind: 'aborted' };
export type CsvStreamOutcome = { ok: true; body: ReadableStream<Uint8Array<ArrayBuffer>> } | { ok: false; error: CsvStreamFailure };

export async function streamRpcCsv<N extends CsvRpcName>(
  endpoint: ApiEndpoint,
  name: N,
  args: RpcArgs[N],
  signal: AbortSignal,
): Promise<CsvStreamOutcome> {
  const token = await endpoint.accessToken();
  if (!token) return { ok: false, error: { kind: 'http', status: 401, code: 'no_session', message: 'Not signed in', details: null } };
  let response: Response;
  try {
    response = await (endpoint.fetch ?? fetch)(`${endpoint.url}/rest/v1/rpc/${name}`, {
      method: 'POST',
      headers: { apikey: endpoint.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'text/csv' },
      body: JSON.stringify(args),
      signal,
    });
  } catch (thrown) {
    if (signal.aborted) return { ok: false, error: { kind: 'aborted' } };
    return { ok: false, error: { kind: 'network', message: String(thrown) } };
  }
  if (!response.ok) return { ok: false, error: await httpFailure(response) };
  if (!response.body) return { ok: false, error: { kind: 'contract', message: `${name} answered without a body` } };
  return { ok: true, body: response.body };
}

async function httpFailure(response: Response): Promise<RpcFailure> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: the status alone has to do.
  }
  const parsed = ApiError.safeParse(body);
  return parsed.success
    ? { kind: 'http', status: response.status, code: parsed.data.code, message: parsed.data.message, details: parsed.data.details }
    : { kind: 'http', status: response.status, code: String(response.status), message: text.slice(0, 200) || response.statusText, details: null };
}
