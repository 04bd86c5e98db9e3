import { describe, expect, it } from 'vitest';
import { activateAccount } from './activate';

const API = { url: 'https://project.supabase.test', anonKey: 'anon-key' };

function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('activateAccount', () => {
  it('posts the trimmed employee ID and the normalized code with the public key, and answers the login address', async () => {
    const { fetcher, calls } = answering(200, { ok: true, email: 'e1@demo.staff.invalid', first_activation: true });
    expect(await activateAccount(API, { employeeId: ' E1 ', code: 'abcd efgh-jkmn', password: 'long enough' }, fetcher)).toEqual({
      ok: true,
      email: 'e1@demo.staff.invalid',
    });
    expect(calls[0]!.url).toBe('https://project.supabase.test/functions/v1/activate');
    expect(new Headers(calls[0]!.init.headers).get('apikey')).toBe('anon-key');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ employee_id: 'E1', code: 'ABCDEFGHJKMN', password: 'long enough' });
  });

  it('passes the function’s codes on, and anything else as failed', async () => {
    expect(
      await activateAccount(API, { employeeId: 'E1', code: 'x', password: 'y' }, answering(429, { ok: false, error: 'too_many_attempts' }).fetcher),
    ).toEqual({
      ok: false,
      error: 'too_many_attempts',
    });
    expect(await activateAccount(API, { employeeId: 'E1', code: 'x', password: 'y' }, answering(502, { message: 'bad gateway' }).fetcher)).toEqual({
      ok: false,
      error: 'failed',
    });
  });

  it('says offline when the request never got an answer', async () => {
    const fetcher = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await activateAccount(API, { employeeId: 'E1', code: 'x', password: 'y' }, fetcher)).toEqual({ ok: false, error: 'offline' });
  });
});
