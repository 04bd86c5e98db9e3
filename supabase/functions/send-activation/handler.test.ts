import { describe, expect, it } from 'vitest';
import { activationEmail, escapeHtml } from './email';
import { readSendActivationRequest, type SendActivationRuntime, sendActivation, type UserDb } from './handler';

const URL_BASE = 'https://project.supabase.test';
const MAIL_URL = 'https://mail.example.test/emails';
const ENV: Record<string, string> = {
  SUPABASE_URL: URL_BASE,
  SUPABASE_ANON_KEY: 'anon-key',
  MAIL_API_URL: MAIL_URL,
  MAIL_API_KEY: 'mail-key',
  MAIL_FROM: 'Frontline <hello@example.test>',
  APP_URL: 'https://app.example.test/',
};
const STORE = '00000000-0000-4000-8000-0000000000aa';
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';
const C = '00000000-0000-4000-8000-000000000003';

function issuedPerson(id: string, overrides: Record<string, unknown> = {}) {
  return {
    member_id: id,
    status: 'issued',
    display_name: 'Ana',
    employee_id: 'E1',
    email: 'ana@example.test',
    locale: 'en',
    code: 'ABCD-EFGH-JKMN',
    expires_at: '2026-12-20T10:00:00Z',
    ...overrides,
  };
}

interface Options {
  env?: Record<string, string | undefined>;
  issued?: { data: unknown; error: { message: string; code?: string; details?: string } | null; status?: number };
  /** The provider's answers, in turn (the last one repeats); a string is a network failure. */
  provider?: (number | string)[];
}

function platform(options: Options = {}) {
  const env = { ...ENV, ...options.env };
  const rpcs: { fn: string; args: Record<string, unknown> | undefined; apiKey: string; token: string }[] = [];
  const posts: { url: string; authorization: string | null; body: Record<string, unknown> }[] = [];
  const logs: string[] = [];
  const answers = options.provider ?? [200];
  const runtime: SendActivationRuntime = {
    env: (name) => env[name],
    createUserDb: (_url, apiKey, token): UserDb => ({
      rpc: async (fn, args) => {
        rpcs.push({ fn, args, apiKey, token });
        if (fn === 'issue_emailed_activation_codes') return options.issued ?? { data: { sign_in_code: 'demo', people: [issuedPerson(A)] }, error: null };
        return { data: 1, error: null };
      },
    }),
    fetch: async (url, init) => {
      posts.push({ url, authorization: new Headers(init.headers).get('authorization'), body: JSON.parse(String(init.body)) });
      const next = answers[Math.min(posts.length - 1, answers.length - 1)];
      if (typeof next === 'string') throw new TypeError(next);
      return new Response(JSON.stringify(next === 200 ? { id: 'm1' } : { message: 'no' }), { status: next });
    },
    log: (line) => logs.push(line),
    retryDelayMs: 0,
  };
  return { handler: sendActivation(runtime), rpcs, posts, logs };
}

function post(body: unknown, headers: Record<string, string> = { authorization: 'Bearer user-jwt' }): Request {
  return new Request(`${URL_BASE}/functions/v1/send-activation`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('send-activation handler', () => {
  it('issues codes as the caller, mails each to the person and logs what the provider took', async () => {
    const { handler, rpcs, posts } = platform();
    const response = await handler(post({ member_ids: [A] }));
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toEqual({
      ok: true,
      people: [{ member_id: A, status: 'sent' }],
      counts: { sent: 1, no_email: 0, already_active: 0, out_of_scope: 0, no_employee_id: 0, failed: 0 },
    });
    // The caller's token and the public key, never a service key.
    expect(rpcs).toEqual([
      { fn: 'issue_emailed_activation_codes', args: { p_member_ids: [A], p_store_id: null }, apiKey: 'anon-key', token: 'user-jwt' },
      { fn: 'record_activation_emails', args: { p_member_ids: [A] }, apiKey: 'anon-key', token: 'user-jwt' },
    ]);
    expect(posts).toHaveLength(1);
    const [mail] = posts;
    expect(mail?.url).toBe(MAIL_URL);
    expect(mail?.authorization).toBe('Bearer mail-key');
    expect(mail?.body).toMatchObject({ from: ENV.MAIL_FROM, to: ['ana@example.test'], subject: 'Your Frontline activation code' });
    expect(mail?.body.text).toContain('https://app.example.test/activate?code=ABCD-EFGH-JKMN');
    expect(mail?.body.text).toContain('ABCD-EFGH-JKMN');
    expect(mail?.body.text).toContain('E1');
    expect(mail?.body.text).toContain('demo');
    // The answer never carries the code.
    expect(JSON.stringify(body)).not.toContain('ABCD');
  });

  it('passes on every status but issued unchanged, and counts them', async () => {
    const { handler, posts, rpcs } = platform({
      issued: {
        data: {
          sign_in_code: 'demo',
          people: [
            { member_id: A, status: 'no_email' },
            { member_id: B, status: 'already_active' },
            { member_id: C, status: 'out_of_scope' },
          ],
        },
        error: null,
      },
    });
    const body = await (await handler(post({ store_id: STORE }))).json();
    expect(body.people.map((p: { status: string }) => p.status)).toEqual(['no_email', 'already_active', 'out_of_scope']);
    expect(body.counts).toMatchObject({ sent: 0, no_email: 1, already_active: 1, out_of_scope: 1 });
    expect(posts).toEqual([]);
    // Nothing sent, nothing to log.
    expect(rpcs.map((r) => r.fn)).toEqual(['issue_emailed_activation_codes']);
  });

  it('reports a provider refusal as failed, retries only what may pass later, and logs only what was sent', async () => {
    const twoPeople = { data: { sign_in_code: 'demo', people: [issuedPerson(A), issuedPerson(B, { email: 'b@example.test' })] }, error: null };
    // A 422 is final: one try each.
    const refused = platform({ issued: twoPeople, provider: [422] });
    const refusedBody = await (await refused.handler(post({ member_ids: [A, B] }))).json();
    expect(refusedBody.people).toEqual([
      { member_id: A, status: 'failed' },
      { member_id: B, status: 'failed' },
    ]);
    expect(refused.posts).toHaveLength(2);
    expect(refused.rpcs.map((r) => r.fn)).toEqual(['issue_emailed_activation_codes']);
    expect(refused.logs.join('\n')).toContain('provider answered 422');
    expect(refused.logs.join('\n')).not.toContain('ABCD');

    // A 503 and then a network failure: tried twice, then failed.
    const down = platform({ provider: [503, 'connection refused'] });
    const downBody = await (await down.handler(post({ member_ids: [A] }))).json();
    expect(downBody.people).toEqual([{ member_id: A, status: 'failed' }]);
    expect(down.posts).toHaveLength(2);
    expect(down.logs.join('\n')).toContain('connection refused');

    // A 429 then a 200: sent on the retry.
    const busy = platform({ provider: [429, 200] });
    const busyBody = await (await busy.handler(post({ member_ids: [A] }))).json();
    expect(busyBody.people).toEqual([{ member_id: A, status: 'sent' }]);
    expect(busy.rpcs.map((r) => r.fn)).toEqual(['issue_emailed_activation_codes', 'record_activation_emails']);
  });

  it('escapes names in the HTML and keeps the text as written', async () => {
    const name = '<img src=x onerror=alert(1)> & "Bob"';
    const { handler, posts } = platform({
      issued: { data: { sign_in_code: 'demo', people: [issuedPerson(A, { display_name: name })] }, error: null },
    });
    await handler(post({ member_ids: [A] }));
    const html = String(posts[0]?.body.html);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bob&quot;');
    expect(String(posts[0]?.body.text)).toContain(`Hello ${name},`);
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('writes in the person’s language', async () => {
    const { handler, posts } = platform({
      issued: {
        data: { sign_in_code: 'demo', people: [issuedPerson(A, { locale: 'es' }), issuedPerson(B, { locale: 'en', email: 'b@example.test' })] },
        error: null,
      },
    });
    await handler(post({ member_ids: [A, B] }));
    const byTo = Object.fromEntries(posts.map((p) => [(p.body.to as string[])[0], p.body]));
    expect(byTo['ana@example.test']?.subject).toBe('Tu código de activación de Frontline');
    expect(String(byTo['ana@example.test']?.text)).toContain('Hola Ana:');
    expect(String(byTo['ana@example.test']?.html)).toContain('lang="es"');
    expect(String(byTo['ana@example.test']?.text)).toContain('20 de diciembre de 2026');
    expect(byTo['b@example.test']?.subject).toBe('Your Frontline activation code');
    expect(String(byTo['b@example.test']?.text)).toContain('20 December 2026');
    // Anything but es is English.
    expect(activationEmail({ ...emailInput(), locale: 'fr' }).subject).toBe('Your Frontline activation code');
  });

  it('issues nothing when mail is not configured', async () => {
    for (const missing of ['MAIL_API_URL', 'MAIL_API_KEY', 'MAIL_FROM', 'APP_URL']) {
      const { handler, rpcs } = platform({ env: { [missing]: undefined } });
      const response = await handler(post({ member_ids: [A] }));
      expect([missing, response.status, await response.json()]).toEqual([missing, 503, { ok: false, error: 'mail_not_configured' }]);
      expect(rpcs).toEqual([]);
    }
  });

  it('refuses callers without a token, and passes the database’s refusals on as codes', async () => {
    const anonymous = platform();
    const response = await anonymous.handler(post({ member_ids: [A] }, {}));
    expect([response.status, await response.json()]).toEqual([401, { ok: false, error: 'unauthorized' }]);
    expect(anonymous.rpcs).toEqual([]);

    for (const [error, status, expected] of [
      [{ message: 'no', code: '42501', details: 'forbidden' }, undefined, [403, { ok: false, error: 'forbidden', detail: 'forbidden' }]],
      [{ message: 'no', code: '42501', details: 'store_not_managed' }, undefined, [403, { ok: false, error: 'forbidden', detail: 'store_not_managed' }]],
      [{ message: 'no', code: '22023', details: 'unknown_store' }, undefined, [400, { ok: false, error: 'invalid_request', detail: 'unknown_store' }]],
      [{ message: 'JWT expired', code: 'PGRST301' }, 401, [401, { ok: false, error: 'unauthorized' }]],
      [{ message: 'boom', code: 'XX000' }, 500, [500, { ok: false, error: 'failed' }]],
    ] as const) {
      const { handler, posts } = platform({ issued: { data: null, error, status } });
      const refused = await handler(post({ store_id: STORE }));
      expect([refused.status, await refused.json()]).toEqual(expected);
      expect(posts).toEqual([]);
    }
  });

  it('answers CORS preflights and refuses malformed bodies before calling the database', async () => {
    const { handler, rpcs } = platform();
    const preflight = await handler(new Request(URL_BASE, { method: 'OPTIONS' }));
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
    expect((await handler(new Request(URL_BASE, { method: 'POST', headers: { authorization: 'Bearer x' }, body: '{' }))).status).toBe(400);
    expect(rpcs).toEqual([]);
    expect(readSendActivationRequest({ member_ids: [A], store_id: STORE })).toBeNull();
    expect(readSendActivationRequest({})).toBeNull();
    expect(readSendActivationRequest({ member_ids: [] })).toBeNull();
    expect(readSendActivationRequest({ member_ids: ['not-a-uuid'] })).toBeNull();
    expect(readSendActivationRequest({ member_ids: Array.from({ length: 501 }, () => A) })).toBeNull();
    expect(readSendActivationRequest({ store_id: STORE })).toEqual({ store_id: STORE });
  });
});

function emailInput() {
  return { locale: 'en', displayName: 'Ana', employeeId: 'E1', code: 'ABCD', signInCode: 'demo', appUrl: 'https://x', expiresAt: '2026-12-20T10:00:00Z' };
}
