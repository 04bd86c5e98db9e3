/**
 * The activate function's HTTP entry, the same on hosted Supabase (index.ts hands it to
 * Deno.serve) and on the local stack (supabase/local/functions-api.ts serves it at
 * /functions/v1/activate): a person without a login posts their employee ID, the
 * one-time code HR or their manager gave them and a new password. The code is checked
 * and marked used in one transaction (redeem_activation_code, service_role only);
 * then the Auth admin API creates their login (or, for a forgotten password, sets the
 * new one on it) and link_activated_member ties it to the person. The answer carries
 * the login address, so the app signs in with it at once.
 *
 * Anyone may call it (verify_jwt off): a guess costs one of the 5 tries that person's
 * code has, and the answer never says whether an employee ID exists. Tries per client
 * address are the gateway's to limit (README, "Deploying the activate function").
 * Refusals are codes, the app picks the words: invalid_request, weak_password,
 * invalid_code, code_expired, code_used, too_many_attempts, login_taken, failed.
 */

import type { ActivateRefusal } from '../../../src/data/supabase/activate-errors.ts';
import type { RpcClient } from '../_shared/rpc-client.ts';

export const ACTIVATE_NAME = 'activate';
/** As config.toml's [auth] minimum_password_length. */
export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt reads 72 bytes; GoTrue refuses longer passwords. */
export const MAX_PASSWORD_LENGTH = 72;

export interface ActivateRequest {
  employee_id: string;
  code: string;
  password: string;
  /** The organisation's sign-in code, only needed if an employee ID could be in two organisations' codes at once. */
  sign_in_code?: string;
}

export type ActivateAnswer = { ok: true; email: string; first_activation: boolean } | { ok: false; error: ActivateRefusal };

/** What the function gets from its runtime. */
export interface ActivateRuntime {
  env(name: string): string | undefined;
  createDb(url: string, serviceRoleKey: string): RpcClient;
  /** For the Auth admin API. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  log(line: string): void;
}

type Redeemed =
  | { ok: true; code_id: string; member_id: string; user_id: string | null; email: string; display_name: string }
  | { ok: false; error: 'invalid_code' | 'code_expired' | 'code_used' | 'too_many_attempts' };

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
};

const STATUS: Readonly<Record<ActivateRefusal, number>> = {
  invalid_request: 400,
  weak_password: 422,
  invalid_code: 400,
  code_expired: 400,
  code_used: 409,
  too_many_attempts: 429,
  login_taken: 409,
  failed: 500,
};

function answer(status: number, body: ActivateAnswer): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...CORS } });
}

function refuse(error: ActivateRefusal): Response {
  return answer(STATUS[error], { ok: false, error });
}

/** The body as an ActivateRequest, or null when a field is missing or out of shape. */
export function readActivateRequest(body: unknown): ActivateRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { employee_id: employeeId, code, password, sign_in_code: signInCode } = body as Record<string, unknown>;
  if (typeof employeeId !== 'string' || employeeId.trim() === '' || employeeId.length > 32) return null;
  if (typeof code !== 'string' || code.trim() === '' || code.length > 40) return null;
  if (typeof password !== 'string') return null;
  if (signInCode !== undefined && signInCode !== null && (typeof signInCode !== 'string' || signInCode.length > 32)) return null;
  return {
    employee_id: employeeId.trim(),
    code,
    password,
    ...(typeof signInCode === 'string' && signInCode.trim() ? { sign_in_code: signInCode.trim() } : {}),
  };
}

export function activate(runtime: ActivateRuntime): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    if (request.method !== 'POST') return refuse('invalid_request');
    const url = runtime.env('SUPABASE_URL');
    const serviceKey = runtime.env('SUPABASE_SERVICE_ROLE_KEY');
    if (!url || !serviceKey) {
      runtime.log('activate: SUPABASE_URL or SUPABASE_SERVICE_ROLE_KEY is not set');
      return refuse('failed');
    }
    const input = readActivateRequest(await request.json().catch(() => null));
    if (!input) return refuse('invalid_request');
    // Checked before the code is spent, so a short password costs no try.
    if (input.password.length < MIN_PASSWORD_LENGTH) return refuse('weak_password');
    if (new TextEncoder().encode(input.password).length > MAX_PASSWORD_LENGTH) return refuse('invalid_request');

    const db = runtime.createDb(url, serviceKey);
    const redeemed = await db.rpc('redeem_activation_code', {
      p_employee_id: input.employee_id,
      p_code: input.code,
      p_sign_in_code: input.sign_in_code ?? null,
    });
    if (redeemed.error) {
      runtime.log(`activate: redeem failed: ${redeemed.error.message}`);
      return refuse('failed');
    }
    const result = redeemed.data as Redeemed;
    if (!result.ok) return refuse(result.error);

    const login = await saveLogin(runtime, url, serviceKey, result, input.password);
    if (!login.ok) {
      // The person keeps their code: nothing was created.
      const released = await db.rpc('release_activation_code', { p_code_id: result.code_id });
      if (released.error) runtime.log(`activate: could not release code: ${released.error.message}`);
      return refuse(login.error);
    }
    const linked = await db.rpc('link_activated_member', { p_member_id: result.member_id, p_user_id: login.userId });
    if (linked.error) {
      runtime.log(`activate: link failed: ${linked.error.message}`);
      return refuse('failed');
    }
    const firstActivation = (linked.data as { first_activation?: boolean } | null)?.first_activation === true;
    return answer(200, { ok: true, email: result.email, first_activation: firstActivation });
  };
}

/** Creates the login (first activation) or sets its new password (a reset), through the Auth admin API. */
async function saveLogin(
  runtime: ActivateRuntime,
  url: string,
  serviceKey: string,
  person: Extract<Redeemed, { ok: true }>,
  password: string,
): Promise<{ ok: true; userId: string } | { ok: false; error: ActivateRefusal }> {
  const headers = { apikey: serviceKey, authorization: `Bearer ${serviceKey}`, 'content-type': 'application/json' };
  const response = person.user_id
    ? await runtime.fetch(`${url}/auth/v1/admin/users/${person.user_id}`, { method: 'PUT', headers, body: JSON.stringify({ password }) })
    : await runtime.fetch(`${url}/auth/v1/admin/users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: person.email, password, email_confirm: true, user_metadata: { display_name: person.display_name } }),
      });
  const body = (await response.json().catch(() => null)) as { id?: unknown; error_code?: unknown; msg?: unknown } | null;
  if (response.ok && typeof body?.id === 'string') return { ok: true, userId: body.id };
  if (body?.error_code === 'weak_password') return { ok: false, error: 'weak_password' };
  if (body?.error_code === 'email_exists') return { ok: false, error: 'login_taken' };
  runtime.log(`activate: Auth admin API answered ${response.status} ${String(body?.error_code ?? '')} ${String(body?.msg ?? '')}`);
  return { ok: false, error: 'failed' };
}
