import { describe, expect, it } from 'vitest';
import { type ActivateRuntime, activate, readActivateRequest } from './handler';

const URL_BASE = 'https://project.supabase.test';
const SERVICE_KEY = 'service-role-key';

type Redeem = Record<string, unknown>;

/** A database answering redeem with `redeem` and an Auth admin API answering `auth`; every call recorded. */
function platform(redeem: Redeem, auth: { status: number; body: Record<string, unknown> } = { status: 200, body: { id: 'user-1' } }) {
  const rpcs: [string, Record<string, unknown> | undefined][] = [];
  const requests: { url: string; method: string; body: unknown; authorization: string | null }[] = [];
  const runtime: ActivateRuntime = {
    env: (name) => ({ SUPABASE_URL: URL_BASE, SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY })[name],
    createDb: () => ({
      rpc: async (fn, args) => {
        rpcs.push([fn, args]);
        if (fn === 'redeem_activation_code') return { data: redeem, error: null };
        if (fn === 'link_activated_member') return { data: { first_activation: redeem.user_id === null }, error: null };
        return { data: null, error: null };
      },
    }),
    fetch: async (url, init) => {
      requests.push({ url, method: String(init.method), body: JSON.parse(String(init.body)), authorization: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify(auth.body), { status: auth.status });
    },
    log: () => {},
  };
  return { handler: activate(runtime), rpcs, requests };
}

const OPEN = { ok: true, code_id: 'code-1', member_id: 'member-1', user_id: null, email: 'e1@demo.staff.invalid', display_name: 'Eve' };

function post(body: unknown): Request {
  return new Request(`${URL_BASE}/functions/v1/activate`, { method: 'POST', body: JSON.stringify(body) });
}

describe('activate handler', () => {
  it('creates the login with the service key, links the person and answers the login address', async () => {
    const { handler, rpcs, requests } = platform(OPEN);
    const response = await handler(post({ employee_id: ' E1 ', code: 'abcd-efgh-jkmn', password: 'long enough' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, email: 'e1@demo.staff.invalid', first_activation: true });
    expect(rpcs[0]).toEqual(['redeem_activation_code', { p_employee_id: 'E1', p_code: 'abcd-efgh-jkmn', p_sign_in_code: null }]);
    expect(requests).toEqual([
      {
        url: `${URL_BASE}/auth/v1/admin/users`,
        method: 'POST',
        body: { email: 'e1@demo.staff.invalid', password: 'long enough', email_confirm: true, user_metadata: { display_name: 'Eve' } },
        authorization: `Bearer ${SERVICE_KEY}`,
      },
    ]);
    expect(rpcs[1]).toEqual(['link_activated_member', { p_member_id: 'member-1', p_user_id: 'user-1' }]);
  });

  it('sets a new password on an existing login (a reset)', async () => {
    const { handler, requests } = platform({ ...OPEN, user_id: 'user-9' }, { status: 200, body: { id: 'user-9' } });
    const response = await handler(post({ employee_id: 'E1', code: 'x', password: 'long enough' }));
    expect(await response.json()).toEqual({ ok: true, email: 'e1@demo.staff.invalid', first_activation: false });
    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([['PUT', `${URL_BASE}/auth/v1/admin/users/user-9`, { password: 'long enough' }]]);
  });

  it('refuses a short password before spending the code', async () => {
    const { handler, rpcs } = platform(OPEN);
    const response = await handler(post({ employee_id: 'E1', code: 'x', password: 'short' }));
    expect([response.status, await response.json()]).toEqual([422, { ok: false, error: 'weak_password' }]);
    expect(rpcs).toEqual([]);
  });

  it('passes the database refusals on as codes, creating nothing', async () => {
    for (const [error, status] of [
      ['invalid_code', 400],
      ['code_expired', 400],
      ['code_used', 409],
      ['too_many_attempts', 429],
    ] as const) {
      const { handler, requests } = platform({ ok: false, error });
      const response = await handler(post({ employee_id: 'E1', code: 'x', password: 'long enough' }));
      expect([response.status, await response.json()]).toEqual([status, { ok: false, error }]);
      expect(requests).toEqual([]);
    }
  });

  it('gives the code back when the login cannot be created', async () => {
    const { handler, rpcs } = platform(OPEN, { status: 422, body: { error_code: 'email_exists', msg: 'taken' } });
    const response = await handler(post({ employee_id: 'E1', code: 'x', password: 'long enough' }));
    expect([response.status, await response.json()]).toEqual([409, { ok: false, error: 'login_taken' }]);
    expect(rpcs.map(([fn]) => fn)).toEqual(['redeem_activation_code', 'release_activation_code']);
  });

  it('answers CORS preflights and refuses malformed bodies', async () => {
    const { handler } = platform(OPEN);
    const preflight = await handler(new Request(URL_BASE, { method: 'OPTIONS' }));
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
    expect((await handler(new Request(URL_BASE, { method: 'POST', body: '{' }))).status).toBe(400);
    expect(readActivateRequest({ employee_id: '', code: 'x', password: 'y' })).toBeNull();
    expect(readActivateRequest({ employee_id: 'E1', code: 'x', password: 'y', sign_in_code: 'demo' })).toEqual({
      employee_id: 'E1',
      code: 'x',
      password: 'y',
      sign_in_code: 'demo',
    });
  });
});
