/**
 * Leavers (issue 12, item 4): deactivating a member closes the account at once.
 * Their sessions end in the same transaction (a refresh answers as GoTrue does for
 * a revoked session); every RPC refuses them with 42501 member_inactive; sync_push
 * still takes, for 30 days, acknowledgements of versions that existed before the
 * closing and rejects everything else with account_closed; their acknowledgements
 * stay in the audit trail.
 */

import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { ackOf, anonClient, asUserInSql, briefingVersion, createMember, mutation, pullBriefings, push, SEED, signIn, sql } from './support/fixtures';

async function deactivate(memberId: string): Promise<void> {
  await sql('update public.members set active = false where id = $1', [memberId]);
}

/** A briefing to the whole demo organisation, written as its owner would leave it. */
async function publishToEveryone(authorId: string): Promise<{ id: string; version: number; content_hash: string }> {
  const id = randomUUID();
  await sql(`insert into public.briefings (id, org_id, author_id, title, body, requires_ack) values ($1, $2, $3, 'Leavers test', 'Read me.', true)`, [
    id,
    SEED.org,
    authorId,
  ]);
  return { id, ...(await briefingVersion(id)) };
}

describe('deactivating a member', () => {
  it('deletes their sessions and refresh tokens in the same transaction, so a refresh fails as GoTrue answers a revoked session', async () => {
    const member = await createMember({});
    const { data } = await member.client.auth.getSession();
    const refreshToken = data.session!.refresh_token;
    const other = await createMember({});
    expect(await sql('select 1 from auth.sessions where user_id = $1', [member.userId])).toHaveLength(1);

    await deactivate(member.memberId);

    expect(await sql('select 1 from auth.sessions where user_id = $1', [member.userId])).toEqual([]);
    expect(await sql('select 1 from auth.refresh_tokens where user_id = $1', [member.userId])).toEqual([]);
    const refreshed = await anonClient().auth.refreshSession({ refresh_token: refreshToken });
    expect(refreshed.data.session).toBeNull();
    expect([refreshed.error?.status, refreshed.error?.code]).toEqual([400, 'refresh_token_not_found']);
    // Nobody else's session is touched.
    expect(await sql('select 1 from auth.sessions where user_id = $1', [other.userId])).toHaveLength(1);
    const [closure] = await sql<{ recent: boolean }>(
      `select closed_at > now() - interval '1 minute' as recent from private.member_closures where member_id = $1`,
      [member.memberId],
    );
    expect(closure?.recent).toBe(true);
  });

  it('a deactivation rolled back leaves the sessions alone', async () => {
    const member = await createMember({});
    await sql(`do $$ begin update public.members set active = false where id = '${member.memberId}'; raise exception 'undo'; end $$`).catch(() => undefined);
    expect(await sql('select 1 from auth.sessions where user_id = $1', [member.userId])).toHaveLength(1);
    expect(await sql('select 1 from private.member_closures where member_id = $1', [member.memberId])).toEqual([]);
  });

  it('every RPC an API user can call refuses a deactivated member with 42501 member_inactive', async () => {
    const member = await createMember({ role: 'hr' });
    await deactivate(member.memberId);
    // Every function of the public schema the migrations define and the authenticated role
    // may execute, called with nulls (other test files make functions of their own).
    const fromMigrations = await functionsInMigrations();
    const functions = await sql<{ name: string; call: string }>(
      `select p.proname as name,
              format('select %s(%s)', p.oid::regproc,
                     coalesce((select string_agg(format('null::%s', format_type(t, null)), ', ')
                               from unnest(p.proargtypes::oid[]) t), '')) as call
       from pg_proc p
       where p.pronamespace = 'public'::regnamespace and has_function_privilege('authenticated', p.oid, 'execute')
         and p.prorettype <> 'trigger'::regtype and p.proname = any ($1::text[])
       order by 1`,
      [fromMigrations],
    );
    // sync_push answers a closed account item by item (next test).
    const calls = functions.filter((f) => f.name !== 'sync_push');
    expect(calls.length).toBeGreaterThan(30);
    const answers = await asUserInSql(member.userId, async (client) => {
      const out: Record<string, string> = {};
      for (const f of calls) {
        await client.query('savepoint call');
        try {
          await client.query(f.call);
          out[f.name] = 'answered';
        } catch (error) {
          const e = error as { code?: string; detail?: string };
          out[f.name] = `${e.code} ${e.detail}`;
        }
        await client.query('rollback to savepoint call');
      }
      return out;
    });
    const wrong = Object.entries(answers).filter(([, answer]) => answer !== '42501 member_inactive');
    expect(wrong).toEqual([]);

    // Through the API: 403 with the code in details, the phone's cue to say the account was closed.
    for (const [name, args] of [
      ['sync_pull', {}],
      ['store_roster', {}],
      ['my_push_subscriptions', {}],
    ] as const) {
      const outcome = await callRpc(member.client, name, args);
      expect(!outcome.ok && outcome.error.kind === 'http' && [name, outcome.error.status, outcome.error.code, outcome.error.details]).toEqual([
        name,
        403,
        '42501',
        'member_inactive',
      ]);
    }
  });
});

describe("a closed account's outbox", () => {
  it('acks of versions that existed before the closing are applied; later versions and every other kind are refused account_closed', async () => {
    const author = await createMember({ role: 'hr' });
    const member = await createMember({});
    const before = await publishToEveryone(author.memberId);
    const earlier = ackOf(SEED.downtownHuddle, await briefingVersion(SEED.downtownHuddle));
    expect((await push(member.client, [earlier]))[0]?.status).toBe('applied');
    // Made on the phone while the person still worked here, sent after the closing.
    const waiting = ackOf(before.id, before);
    await deactivate(member.memberId);
    const after = await publishToEveryone(author.memberId);

    const results = await push(member.client, [
      waiting,
      earlier,
      ackOf(after.id, after),
      mutation('kudos', { to_member_id: author.memberId, message: 'Thanks for everything' }),
      mutation('feedback', { kind: 'suggestion', recipient: 'store', body: 'Parting idea', anonymous: false }),
    ]);
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['applied', null],
      ['duplicate', null],
      ['rejected', 'account_closed'],
      ['rejected', 'account_closed'],
      ['rejected', 'account_closed'],
    ]);
    // The usual checks still hold for a closed account: a wrong hash is refused as ever.
    const [forged] = await push(member.client, [ackOf(SEED.returnsPolicy, { version: 1, content_hash: 'f'.repeat(64) })]);
    expect(forged).toMatchObject({ status: 'rejected', code: 'hash_mismatch' });

    const stored = await sql<{ briefing_id: string; received_after: boolean }>(
      `select k.briefing_id, k.received_at >= c.closed_at as received_after
       from public.acknowledgements k join private.member_closures c on c.member_id = k.member_id
       where k.member_id = $1 order by k.received_at`,
      [member.memberId],
    );
    expect(stored).toEqual([
      { briefing_id: SEED.downtownHuddle, received_after: false },
      { briefing_id: before.id, received_after: true },
    ]);
    expect(await sql('select 1 from public.kudos where from_member_id = $1', [member.memberId])).toEqual([]);

    // HR's audit trail keeps both, the leaver's name with them.
    const hr = await createMember({ role: 'hr' });
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const page = await callRpc(hr.client, 'audit_export_page', { p_from: since, p_to: null, p_after_received_at: null, p_after_id: null, p_limit: 1000 });
    expect(page.ok).toBe(true);
    const mine = (page.ok ? (page.data as Array<{ employee_email: string }>) : []).filter((row) => row.employee_email === member.email);
    expect(mine).toHaveLength(2);
  });

  it('after 30 days the closed account is refused whole, and a reactivated member is a member again', async () => {
    const member = await createMember({});
    const v = await briefingVersion(SEED.returnsPolicy);
    await deactivate(member.memberId);
    await sql(`update private.member_closures set closed_at = now() - interval '30 days 1 minute' where member_id = $1`, [member.memberId]);
    const late = await callRpc(member.client, 'sync_push', { p_mutations: [ackOf(SEED.returnsPolicy, v)] });
    expect(!late.ok && late.error.kind === 'http' && [late.error.status, late.error.details]).toEqual([403, 'member_inactive']);
    expect(await sql('select 1 from public.acknowledgements where member_id = $1', [member.memberId])).toEqual([]);

    await sql('update public.members set active = true where id = $1', [member.memberId]);
    expect(await sql('select 1 from private.member_closures where member_id = $1', [member.memberId])).toEqual([]);
    // The old session stays ended; signing in again works and the member syncs as before.
    const again = await signIn(member.email);
    expect((await pullBriefings(again)).length).toBeGreaterThan(0);
  });
});

/** Names of the public functions the migrations create. */
async function functionsInMigrations(): Promise<string[]> {
  const dir = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));
  const names = new Set<string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql'))) {
    for (const m of (await readFile(`${dir}${file}`, 'utf8')).matchAll(/create\s+(?:or\s+replace\s+)?function\s+public\.([a-z_0-9]+)/gi)) names.add(m[1]!);
  }
  return [...names];
}
