/**
 * Tokens as the API sees them: sign-in, its limits against guessing, refresh
 * rotation, and every kind of bad token refused with 401 before any SQL runs.
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { parse } from 'smol-toml';
import { describe, expect, it, vi } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { PASSWORD_HASH_COST, signInWithPassword, verifyPassword } from '../../supabase/local/auth-sessions';
import { PER_ACCOUNT_FAILURES } from '../../supabase/local/sign-in-limits';
import { anonClient, clientWithToken, createMember, DEMO, DEMO_PASSWORD, db, env, signIn, signJwt, sql, userIdOf } from './support/fixtures';

async function rpcStatus(token: string): Promise<{ status: number; code: string }> {
  const outcome = await callRpc(clientWithToken(token), 'sync_pull', { p_limit: 1 });
  if (outcome.ok) return { status: 200, code: '' };
  return outcome.error.kind === 'http' ? { status: outcome.error.status, code: outcome.error.code } : { status: -1, code: outcome.error.kind };
}

describe('sign-in', () => {
  it('every demo account signs in with the demo password', async () => {
    for (const email of Object.values(DEMO)) {
      const client = await signIn(email);
      const { data } = await client.auth.getUser();
      expect(data.user?.email).toBe(email);
    }
  });

  it('a wrong password or unknown email gets the same refusal', async () => {
    for (const [email, password] of [
      [DEMO.alex, 'wrong-password'],
      ['nobody@demo.test', 'frontline-demo'],
    ]) {
      const { data, error } = await anonClient().auth.signInWithPassword({ email: email!, password: password! });
      expect(data.session).toBeNull();
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
    }
  });
});

describe('tokens', () => {
  it('forged, expired, wrong-secret and malformed JWTs get 401', async () => {
    const sub = await userIdOf(DEMO.alex);
    const valid = await signJwt({ sub, role: 'authenticated', aud: 'authenticated' });
    expect((await rpcStatus(valid)).status).toBe(200);

    const wrongSecret = await signJwt({ sub, role: 'authenticated' }, { secret: 'another-secret-that-is-at-least-32-characters' });
    expect(await rpcStatus(wrongSecret)).toEqual({ status: 401, code: 'PGRST301' });

    const expired = await signJwt({ sub, role: 'authenticated' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await rpcStatus(expired)).toEqual({ status: 401, code: 'PGRST303' });

    const [header, payload] = valid.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: await userIdOf(DEMO.hr), role: 'authenticated', exp: 4102444800 })).toString('base64url')}.${valid.split('.')[2]}`;
    expect((await rpcStatus(tampered)).status).toBe(401);
    expect((await rpcStatus(`${header}.${payload}.`)).status).toBe(401);
    expect((await rpcStatus('not-a-jwt')).status).toBe(401);
  });

  it('an escalated role claim is refused', async () => {
    const sub = await userIdOf(DEMO.alex);
    const token = await signJwt({ sub, role: 'postgres' });
    expect((await rpcStatus(token)).status).toBe(401);
  });

  it('requests without an apikey are refused', async () => {
    const response = await fetch(`${env.apiUrl}/rest/v1/rpc/sync_pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('a refresh token rotates, and the old one is refused once the reuse window has passed', async () => {
    const client = await signIn(DEMO.sam);
    const first = (await client.auth.getSession()).data.session!;
    const { data: refreshed, error } = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(error).toBeNull();
    expect(refreshed.session?.refresh_token).not.toBe(first.refresh_token);
    expect((await rpcStatus(refreshed.session!.access_token)).status).toBe(200);

    // Within the reuse window a second tab refreshing with the same token gets the same child.
    const again = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(again.data.session?.refresh_token).toBe(refreshed.session?.refresh_token);

    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const late = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(late.data.session).toBeNull();
    expect(late.error?.code).toBe('refresh_token_already_used');
  }, 30_000);

  it('sign-out revokes the refresh token', async () => {
    const client = await signIn(DEMO.riley);
    const session = (await client.auth.getSession()).data.session!;
    await client.auth.signOut();
    const { data } = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(data.session).toBeNull();
  });
});

interface GrantReply {
  status: number;
  body: Record<string, unknown>;
  retryAfter: string | undefined;
}

/**
 * A password sign-in from a chosen loopback address (Linux routes all of 127/8 to lo),
 * so tests that use up an address's allowance never touch the one other files sign in from.
 */
function passwordGrant(email: string, password: string, from: string): Promise<GrantReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${env.apiUrl}/auth/v1/token?grant_type=password`,
      {
        method: 'POST',
        localAddress: from,
        headers: { apikey: env.anonKey, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
            retryAfter: res.headers['retry-after'],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ email, password }));
  });
}

async function perAddressLimit(): Promise<number> {
  const config = parse(await readFile(new URL('../../supabase/config.toml', import.meta.url), 'utf8'));
  const limit = (config.auth as { rate_limit: { sign_in_sign_ups: unknown } }).rate_limit.sign_in_sign_ups;
  if (typeof limit !== 'number') throw new Error('supabase/config.toml has no [auth.rate_limit] sign_in_sign_ups');
  return limit;
}

function expectRateLimited(reply: GrantReply): void {
  expect(reply.status).toBe(429);
  expect(reply.body).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
  expect(Number(reply.retryAfter)).toBeLessThanOrEqual(300);
}

function bcryptCost(hash: string): number {
  const cost = /^\$2[abxy]?\$(\d\d)\$/.exec(hash)?.[1];
  if (!cost) throw new Error(`not a bcrypt hash: ${hash.slice(0, 7)}`);
  return Number(cost);
}

describe('sign-in limits', () => {
  it('30 wrong passwords at once for one account: only the allowance is tried, the rest and then the right password get 429', async () => {
    const { email } = await createMember({});
    const replies = await Promise.all(Array.from({ length: 30 }, () => passwordGrant(email, 'guess', '127.0.0.2')));
    expect(replies.filter((reply) => reply.status === 400)).toHaveLength(PER_ACCOUNT_FAILURES);
    const limited = replies.filter((reply) => reply.status === 429);
    expect(limited).toHaveLength(30 - PER_ACCOUNT_FAILURES);
    expectRateLimited(limited[0]!);

    // The account is held from every address, the right password included.
    expectRateLimited(await passwordGrant(email, DEMO_PASSWORD, '127.0.0.3'));
    // Other accounts are not, from the same address.
    expect((await passwordGrant(DEMO.riley, DEMO_PASSWORD, '127.0.0.2')).status).toBe(200);
  });

  it("supabase-js sees the 429 as GoTrue's over_request_rate_limit", async () => {
    const { email } = await createMember({});
    for (let i = 0; i < PER_ACCOUNT_FAILURES; i++) await passwordGrant(email, 'guess', '127.0.0.7');
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('over_request_rate_limit');
  });

  it('one address gets sign_in_sign_ups failed sign-ins across accounts, then 429; other addresses are not held', async () => {
    const limit = await perAddressLimit();
    for (let i = 0; i < limit; i += 10) {
      const batch = Array.from({ length: Math.min(10, limit - i) }, (_, j) => passwordGrant(`probe-${i + j}@test.invalid`, 'guess', '127.0.0.4'));
      expect((await Promise.all(batch)).map((reply) => reply.status)).toEqual(batch.map(() => 400));
    }
    expectRateLimited(await passwordGrant('probe-next@test.invalid', 'guess', '127.0.0.4'));
    expectRateLimited(await passwordGrant(DEMO.riley, DEMO_PASSWORD, '127.0.0.4'));
    expect((await passwordGrant('probe-next@test.invalid', 'guess', '127.0.0.5')).status).toBe(400);
  }, 120_000);

  it('a shift start: twenty staff behind one Wi-Fi address, each mistyping once, all sign in', async () => {
    const staff = await Promise.all(Array.from({ length: 20 }, () => createMember({})));
    const replies = await Promise.all(
      staff.map(async ({ email }) => {
        const typo = await passwordGrant(email, 'frontline-dem', '127.0.0.6');
        return [typo.status, (await passwordGrant(email, DEMO_PASSWORD, '127.0.0.6')).status];
      }),
    );
    expect(replies).toEqual(staff.map(() => [400, 200]));
  }, 60_000);
});

describe('password hashing', () => {
  it('demo passwords are bcrypt hashes of cost 10 or more', async () => {
    const rows = await sql<{ encrypted_password: string }>(`select encrypted_password from auth.users where email like '%@demo.test'`);
    expect(rows).toHaveLength(Object.keys(DEMO).length);
    for (const row of rows) expect(bcryptCost(row.encrypted_password)).toBeGreaterThanOrEqual(10);
    expect(PASSWORD_HASH_COST).toBeGreaterThanOrEqual(10);
  });

  it('an unknown email costs the same bcrypt comparison as a wrong password, so timing cannot tell them apart', async () => {
    const verify = vi.fn(verifyPassword);
    const wrong = await signInWithPassword(db(), DEMO.alex, 'wrong-password', verify);
    const unknown = await signInWithPassword(db(), 'nobody@demo.test', 'wrong-password', verify);
    expect([wrong, unknown]).toEqual([
      { ok: false, code: 'invalid_credentials' },
      { ok: false, code: 'invalid_credentials' },
    ]);
    expect(verify).toHaveBeenCalledTimes(2);
    const [realHash, dummyHash] = verify.mock.calls.map(([, , hash]) => hash);
    expect(bcryptCost(dummyHash!)).toBe(bcryptCost(realHash!));
    const [stored] = await sql<{ encrypted_password: string }>('select encrypted_password from auth.users where email = $1', [DEMO.alex]);
    expect(realHash).toBe(stored!.encrypted_password);
    expect(dummyHash).not.toBe(realHash);
  });
});
