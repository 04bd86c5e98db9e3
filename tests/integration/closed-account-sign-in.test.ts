/**
 * Leavers (issue 12): a closed account cannot sign in again. Supabase Auth's Custom
 * Access Token Hook (public.custom_access_token_hook, configured in supabase/config.toml)
 * refuses every new access token of a deactivated member, at password sign-in and at
 * refresh, with 403 and the message account_closed, which the phone words. Played as
 * the person who left, with their password and their old refresh token.
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { signInFailure } from '../../src/data/supabase/sign-in-errors';
import { type AccessTokenHook, AccessTokenRefused, accessTokenHookFrom, runAccessTokenHook } from '../../supabase/local/auth-hook';
import { anonClient, createMember, DEMO, DEMO_PASSWORD, db, SEED, signIn, sql, type TestMember } from './support/fixtures';

async function setActive(hr: SupabaseClient, person: TestMember, active: boolean): Promise<void> {
  const outcome = await callRpc(hr, 'admin_set_person_active', { p_member_id: person.memberId, p_active: active });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
}

async function sessionCount(userId: string): Promise<number> {
  return (await sql('select 1 from auth.sessions where user_id = $1', [userId])).length;
}

/** What a sign-in that raced the deactivation leaves: a session and refresh token written after the closing. */
async function sessionAfterClosing(userId: string): Promise<string> {
  const [session] = await sql<{ id: string }>(
    'insert into auth.sessions (id, user_id, created_at, updated_at) values (gen_random_uuid(), $1, now(), now()) returning id',
    [userId],
  );
  const token = `raced-${session!.id}`;
  await sql(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, false, now(), now(), null, $3)`,
    [token, userId, session!.id],
  );
  return token;
}

describe('a closed account signing in', () => {
  it('is refused at password sign-in with the hook’s 403 account_closed, which the phone reads as a closed account, and leaves no session; a wrong password still answers as for anyone', async () => {
    const hr = await createMember({ role: 'hr' });
    const leaver = await createMember({});
    await setActive(hr.client, leaver, false);
    const lastSignIn = async () =>
      (await sql<{ at: Date | null }>('select last_sign_in_at as at from auth.users where id = $1', [leaver.userId]))[0]?.at?.getTime();
    const before = await lastSignIn();

    const { data, error } = await anonClient().auth.signInWithPassword({ email: leaver.email, password: DEMO_PASSWORD });

    expect(data.session).toBeNull();
    expect([error?.status, error?.code, error?.message]).toEqual([403, 'unknown', 'account_closed']);
    expect(signInFailure(error).reason).toBe('account_closed');
    // The refusal rolled the sign-in back, as Auth does: no session, no sign-in time.
    expect(await sessionCount(leaver.userId)).toBe(0);
    expect(await lastSignIn()).toBe(before);

    // Only the right password hears it: a wrong one, or an unknown email, answers as always.
    const wrong = await anonClient().auth.signInWithPassword({ email: leaver.email, password: 'not-their-password' });
    const nobody = await anonClient().auth.signInWithPassword({ email: 'nobody-ever@test.invalid', password: DEMO_PASSWORD });
    for (const answer of [wrong, nobody]) {
      expect([answer.error?.status, answer.error?.code]).toEqual([400, 'invalid_credentials']);
      expect(signInFailure(answer.error).reason).toBe('invalid_credentials');
    }
  });

  it('cannot refresh: their old refresh token is gone, and one that outlived the closing is refused by the hook without being spent', async () => {
    const hr = await createMember({ role: 'hr' });
    const leaver = await createMember({});
    const old = (await leaver.client.auth.getSession()).data.session!.refresh_token;
    await setActive(hr.client, leaver, false);

    const refreshedOld = await anonClient().auth.refreshSession({ refresh_token: old });
    expect(refreshedOld.data.session).toBeNull();
    expect([refreshedOld.error?.status, refreshedOld.error?.code]).toEqual([400, 'refresh_token_not_found']);

    const raced = await sessionAfterClosing(leaver.userId);
    const refreshedRaced = await anonClient().auth.refreshSession({ refresh_token: raced });
    expect(refreshedRaced.data.session).toBeNull();
    expect([refreshedRaced.error?.status, refreshedRaced.error?.code, refreshedRaced.error?.message]).toEqual([403, 'unknown', 'account_closed']);
    // The rotation was rolled back with the refusal.
    expect(await sql('select revoked from auth.refresh_tokens where token = $1', [raced])).toEqual([{ revoked: false }]);
    expect(await sql('select 1 from auth.refresh_tokens where parent = $1', [raced])).toEqual([]);
  });

  it('signs in again once reactivated, and active colleagues sign in and refresh as usual meanwhile', async () => {
    const hr = await createMember({ role: 'hr' });
    const leaver = await createMember({});
    await setActive(hr.client, leaver, false);
    const closed = await anonClient().auth.signInWithPassword({ email: leaver.email, password: DEMO_PASSWORD });
    expect(closed.error?.message).toBe('account_closed');

    const colleague = anonClient();
    const { data, error } = await colleague.auth.signInWithPassword({ email: DEMO.alex, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const claims = JSON.parse(Buffer.from(data.session!.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: data.user!.id, role: 'authenticated', aud: 'authenticated', aal: 'aal1', session_id: expect.any(String) });
    expect((await colleague.auth.refreshSession()).error).toBeNull();

    await setActive(hr.client, leaver, true);

    const back = await signIn(leaver.email);
    expect((await callRpc(back, 'sync_pull', { p_cursor: 0, p_limit: 1 })).ok).toBe(true);
    const refreshed = await back.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.user.id).toBe(leaver.userId);
  });
});

describe('public.custom_access_token_hook', () => {
  it('refuses only a deactivated member and hands back the claims unchanged for anyone else, as Auth calls it', async () => {
    const hr = await createMember({ role: 'hr' });
    const leaver = await createMember({});
    const active = await createMember({});
    await setActive(hr.client, leaver, false);
    const claims = { sub: 'x', role: 'authenticated', custom: [1, 2] };
    const hook = async (userId: string) => {
      const client = await db().connect();
      try {
        await client.query('begin; set local role supabase_auth_admin');
        const { rows } = await client.query<{ output: unknown }>('select public.custom_access_token_hook($1::jsonb) as output', [
          JSON.stringify({ user_id: userId, claims, authentication_method: 'password' }),
        ]);
        return rows[0]?.output;
      } finally {
        await client.query('rollback');
        client.release();
      }
    };
    expect(await hook(leaver.userId)).toEqual({ error: { http_code: 403, message: 'account_closed' } });
    expect(await hook(active.userId)).toEqual({ claims });
    // A login with no member row.
    expect(await hook('00000000-0000-4000-8000-0000000000ff')).toEqual({ claims });
  });

  it('is Auth’s alone: staff, anonymous callers and the service role cannot call it through the API', async () => {
    const event = { user_id: SEED.org, claims: {}, authentication_method: 'password' };
    const staff = await signIn(DEMO.alex);
    const asStaff = await staff.rpc('custom_access_token_hook', { event });
    expect([asStaff.status, asStaff.error?.code]).toEqual([403, '42501']);
    const asAnon = await anonClient().rpc('custom_access_token_hook', { event });
    expect([asAnon.status, asAnon.error?.code]).toEqual([401, '42501']);
    const grants = await sql<{ role: string; execute: boolean }>(
      `select r as role, has_function_privilege(r, 'public.custom_access_token_hook(jsonb)', 'execute') as execute
       from unnest(array['anon', 'authenticated', 'service_role', 'supabase_auth_admin']) r order by 1`,
    );
    expect(grants).toEqual([
      { role: 'anon', execute: false },
      { role: 'authenticated', execute: false },
      { role: 'service_role', execute: false },
      { role: 'supabase_auth_admin', execute: true },
    ]);
  });
});

describe('the local stack’s hook call (supabase/local/auth-hook.ts)', () => {
  const claims = {
    iss: 'i',
    aud: 'authenticated',
    exp: 2,
    iat: 1,
    sub: 's',
    role: 'authenticated',
    aal: 'aal1',
    session_id: 'x',
    email: '',
    phone: '',
    is_anonymous: false,
  };

  /** Runs `body` as a throwaway hook function, in a transaction that is rolled back. */
  async function withHook(body: string, run: (hook: AccessTokenHook, client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await db().connect();
    try {
      await client.query('begin');
      await client.query(`create function public.hook_under_test(event jsonb) returns jsonb language plpgsql as $$ begin ${body} end $$`);
      await run({ uri: 'pg-functions://postgres/public/hook_under_test', functionName: '"public"."hook_under_test"' }, client);
    } finally {
      await client.query('rollback');
      client.release();
    }
  }

  async function refusal(hook: AccessTokenHook, client: pg.PoolClient): Promise<[number, string, string] | null> {
    try {
      await runAccessTokenHook(client, hook, { userId: randomUUID(), claims, method: 'password' });
      return null;
    } catch (error) {
      if (!(error instanceof AccessTokenRefused)) throw error;
      return [error.status, error.errorCode, error.message];
    }
  }

  it('signs what the hook answers, and answers its error, a failure or missing claims as GoTrue does', async () => {
    await withHook(
      `return jsonb_build_object('claims', event -> 'claims' || jsonb_build_object('store', event ->> 'authentication_method'));`,
      async (hook, client) => {
        expect(await runAccessTokenHook(client, hook, { userId: randomUUID(), claims, method: 'token_refresh' })).toEqual({
          ...claims,
          store: 'token_refresh',
        });
      },
    );
    await withHook(`return '{"error": {"message": "no"}}';`, async (hook, client) => {
      expect(await refusal(hook, client)).toEqual([500, 'unexpected_failure', 'no']);
    });
    await withHook(`return '{"error": {"http_code": 429, "message": "later"}}';`, async (hook, client) => {
      expect(await refusal(hook, client)).toEqual([429, 'unknown', 'later']);
    });
    await withHook(`raise exception 'boom';`, async (hook, client) => {
      expect(await refusal(hook, client)).toEqual([500, 'unexpected_failure', `Error running hook URI: ${hook.uri}`]);
    });
    await withHook(`return jsonb_build_object('claims', (event -> 'claims') - 'session_id');`, async (hook, client) => {
      expect(await refusal(hook, client)).toEqual([500, 'unexpected_failure', 'output claims do not conform to the expected schema: missing session_id']);
    });
  });

  it('runs as supabase_auth_admin, so a hook Auth may not execute fails', async () => {
    await withHook(`return jsonb_build_object('claims', event -> 'claims');`, async (hook, client) => {
      await client.query('revoke execute on function public.hook_under_test(jsonb) from public');
      expect(await refusal(hook, client)).toEqual([500, 'unexpected_failure', `Error running hook URI: ${hook.uri}`]);
    });
  });

  it('reads config.toml’s hook, and refuses to start on one it cannot run', async () => {
    expect(await accessTokenHookFrom(fileURLToPath(new URL('../../supabase/config.toml', import.meta.url)))).toEqual({
      uri: 'pg-functions://postgres/public/custom_access_token_hook',
      functionName: '"public"."custom_access_token_hook"',
    });
    const dir = await mkdtemp(join(tmpdir(), 'frontline-hook-'));
    const config = async (section: string) => {
      await writeFile(join(dir, 'config.toml'), `[auth]\nenabled = true\n\n[auth.hook.custom_access_token]\n${section}\n`);
      return accessTokenHookFrom(join(dir, 'config.toml'));
    };
    expect(await config('enabled = false\nuri = "pg-functions://postgres/public/x"')).toBeNull();
    await expect(config('enabled = true\nuri = "https://example.test/hook"')).rejects.toThrow(/pg-functions:\/\/postgres\/<schema>\/<function>/);
  });
});
