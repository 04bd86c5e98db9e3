/**
 * The send-activation function's HTTP entry, the same on hosted Supabase (index.ts hands
 * it to Deno.serve) and on the local stack (supabase/local/functions-api.ts serves it at
 * /functions/v1/send-activation): HR or a store manager, signed in, posts a list of
 * person ids or a store id, and each person in their scope who has not activated and
 * has an email gets a fresh activation code by email, in their language.
 *
 * Who may reach whom is Postgres's decision, made with the caller's own JWT
 * (issue_emailed_activation_codes, issue_activation_code's rule): this function holds
 * no service key for it. The codes it is given go only into the messages, posted to a
 * Resend-compatible provider (MAIL_API_URL, MAIL_API_KEY, MAIL_FROM); the ones the
 * provider took are then logged (record_activation_emails, again as the caller) as
 * activation_code_emailed. The answer says, per person, sent / no_email /
 * already_active / out_of_scope / no_employee_id / failed, never a code.
 *
 * A failed message leaves that person with a new code nobody received (their earlier
 * one already stopped working when it was issued): the screen says to try again or
 * print a sheet. Refusals are codes, the app picks the words.
 */

import { activationEmail } from './email.ts';

export const SEND_ACTIVATION_NAME = 'send-activation';
/** As issue_emailed_activation_codes's limit. */
export const MAX_PEOPLE = 500;
/** Messages in flight at once: providers limit requests per second. */
const CONCURRENCY = 4;
const PROVIDER_TIMEOUT_MS = 10_000;

export type PersonStatus = 'sent' | 'no_email' | 'already_active' | 'out_of_scope' | 'no_employee_id' | 'failed';
export const PERSON_STATUSES: readonly PersonStatus[] = ['sent', 'no_email', 'already_active', 'out_of_scope', 'no_employee_id', 'failed'];

export type SendActivationRefusal = 'invalid_request' | 'unauthorized' | 'forbidden' | 'mail_not_configured' | 'failed';

export type SendActivationAnswer =
  | { ok: true; people: { member_id: string; status: PersonStatus }[]; counts: Record<PersonStatus, number> }
  | { ok: false; error: SendActivationRefusal; detail?: string };

export interface SendActivationRequest {
  member_ids?: string[];
  store_id?: string;
}

/** A database client acting as the caller (supabase-js, or a test's fake). */
export interface UserDb {
  rpc(
    fn: string,
    args?: Record<string, unknown>,
  ): PromiseLike<{ data: unknown; error: { message: string; code?: string; details?: string | null } | null; status?: number }>;
}

/** What the function gets from its runtime. */
export interface SendActivationRuntime {
  env(name: string): string | undefined;
  /** A client for url whose calls carry apiKey and, as Authorization, the caller's token. */
  createUserDb(url: string, apiKey: string, accessToken: string): UserDb;
  /** For the mail provider. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  log(line: string): void;
  /** The app's address when APP_URL is not set (the local stack: the calling page's origin). */
  appUrlFallback?(request: Request): string | undefined;
  /** Milliseconds before the one retry of a message the provider turned away for now. */
  retryDelayMs?: number;
}

type Issued =
  | { member_id: string; status: 'no_email' | 'already_active' | 'out_of_scope' | 'no_employee_id' }
  | {
      member_id: string;
      status: 'issued';
      display_name: string;
      employee_id: string;
      email: string;
      locale: string;
      code: string;
      expires_at: string;
    };

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
};

const STATUS: Readonly<Record<SendActivationRefusal, number>> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  mail_not_configured: 503,
  failed: 500,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function answer(status: number, body: SendActivationAnswer): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...CORS } });
}

function refuse(error: SendActivationRefusal, detail?: string): Response {
  return answer(STATUS[error], detail ? { ok: false, error, detail } : { ok: false, error });
}

/** The body as a request, or null when it is out of shape (exactly one of member_ids and store_id). */
export function readSendActivationRequest(body: unknown): SendActivationRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { member_ids: ids, store_id: storeId } = body as Record<string, unknown>;
  if ((ids === undefined) === (storeId === undefined)) return null;
  if (storeId !== undefined) return typeof storeId === 'string' && UUID.test(storeId) ? { store_id: storeId } : null;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PEOPLE) return null;
  if (!ids.every((id) => typeof id === 'string' && UUID.test(id))) return null;
  return { member_ids: ids as string[] };
}

function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export function sendActivation(runtime: SendActivationRuntime): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    if (request.method !== 'POST') return refuse('invalid_request');
    const url = runtime.env('SUPABASE_URL');
    const apiKey = runtime.env('SUPABASE_ANON_KEY') || request.headers.get('apikey');
    const token = bearer(request);
    if (!url) {
      runtime.log('send-activation: SUPABASE_URL is not set');
      return refuse('failed');
    }
    if (!token || !apiKey) return refuse('unauthorized');
    const mail = { url: runtime.env('MAIL_API_URL'), key: runtime.env('MAIL_API_KEY'), from: runtime.env('MAIL_FROM') };
    const appUrl = runtime.env('APP_URL') || runtime.appUrlFallback?.(request);
    // Checked before any code is issued: issuing one stops the person's earlier code.
    if (!mail.url || !mail.key || !mail.from || !appUrl) {
      runtime.log('send-activation: MAIL_API_URL, MAIL_API_KEY, MAIL_FROM or APP_URL is not set');
      return refuse('mail_not_configured');
    }
    const input = readSendActivationRequest(await request.json().catch(() => null));
    if (!input) return refuse('invalid_request');

    const db = runtime.createUserDb(url, apiKey, token);
    const issued = await db.rpc('issue_emailed_activation_codes', {
      p_member_ids: input.member_ids ?? null,
      p_store_id: input.store_id ?? null,
    });
    if (issued.error) return dbRefusal(runtime, issued.error, issued.status);
    const { sign_in_code: signInCode, people } = issued.data as { sign_in_code: string; people: Issued[] };

    const results = await mapLimit(people, CONCURRENCY, async (person): Promise<{ member_id: string; status: PersonStatus }> => {
      if (person.status !== 'issued') return { member_id: person.member_id, status: person.status };
      const email = activationEmail({
        locale: person.locale,
        displayName: person.display_name,
        employeeId: person.employee_id,
        code: person.code,
        signInCode,
        appUrl,
        expiresAt: person.expires_at,
      });
      const sent = await deliver(
        runtime,
        { url: mail.url as string, key: mail.key as string },
        {
          from: mail.from as string,
          to: [person.email],
          subject: email.subject,
          text: email.text,
          html: email.html,
        },
      );
      if (!sent.ok) runtime.log(`send-activation: message to member ${person.member_id} not sent: ${sent.reason}`);
      return { member_id: person.member_id, status: sent.ok ? 'sent' : 'failed' };
    });

    const sentIds = results.filter((r) => r.status === 'sent').map((r) => r.member_id);
    if (sentIds.length > 0) {
      const recorded = await db.rpc('record_activation_emails', { p_member_ids: sentIds });
      // The messages are gone either way; the answer stays true to what was sent.
      if (recorded.error) runtime.log(`send-activation: could not log the emails: ${recorded.error.message}`);
    }
    const counts = Object.fromEntries(PERSON_STATUSES.map((s) => [s, 0])) as Record<PersonStatus, number>;
    for (const r of results) counts[r.status] += 1;
    return answer(200, { ok: true, people: results, counts });
  };
}

function dbRefusal(runtime: SendActivationRuntime, error: { message: string; code?: string; details?: string | null }, status?: number): Response {
  if (status === 401 || error.code?.startsWith('PGRST3')) return refuse('unauthorized');
  if (error.code === '42501') return refuse('forbidden', error.details ?? undefined);
  if (error.code === '22023') return refuse('invalid_request', error.details ?? undefined);
  runtime.log(`send-activation: issuing codes failed: ${error.message}`);
  return refuse('failed');
}

interface Message {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Posts one message; a refusal for now (429, 5xx, no answer) is tried once more. */
async function deliver(
  runtime: SendActivationRuntime,
  provider: { url: string; key: string },
  message: Message,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let reason = '';
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, runtime.retryDelayMs ?? 1000));
    try {
      const response = await runtime.fetch(provider.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${provider.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
      if (response.ok) {
        await response.body?.cancel();
        return { ok: true };
      }
      reason = `provider answered ${response.status}`;
      await response.body?.cancel();
      if (response.status !== 429 && response.status < 500) break;
    } catch (error) {
      reason = `provider not reached: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { ok: false, reason };
}

/** fn over items, at most `limit` at a time, results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
