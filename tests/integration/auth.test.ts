/**
 * Tokens as the API sees them: sign-in, refresh rotation, and every kind of
 * bad token refused with 401 before any SQL runs.
 */
import { describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { DEMO, anonClient, clientWithToken, env, signIn, signJwt, userIdOf } from './support/fixtures';

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
    for (const [email, password] of [[DEMO.alex, 'wrong-password'], ['nobody@demo.test', 'frontline-demo']]) {
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
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
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
