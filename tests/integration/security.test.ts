/**
 * The security rules of DESIGN.md, each tried as another user would try to
 * break it: through the API with supabase-js, and straight in SQL with the
 * same role and claims the API would use.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import {
  ackOf,
  anonClient,
  asUserInSql,
  briefingVersion,
  createMember,
  createOrg,
  DEMO,
  mutation,
  publishBriefing,
  pullBriefings,
  push,
  SEED,
  signIn,
  sql,
  userIdOf,
} from './support/fixtures';

let alex: SupabaseClient;
let riley: SupabaseClient;
let managerDowntown: SupabaseClient;
let hr: SupabaseClient;

beforeAll(async () => {
  [alex, riley, managerDowntown, hr] = await Promise.all([signIn(DEMO.alex), signIn(DEMO.riley), signIn(DEMO.managerDowntown), signIn(DEMO.hr)]);
});

describe('staff see only content whose audience includes them', () => {
  it('riley (Riverside) cannot see Downtown briefings, alex can', async () => {
    const rileyIds = (await pullBriefings(riley)).map((b) => b.id);
    const alexIds = (await pullBriefings(alex)).map((b) => b.id);
    expect(alexIds).toContain(SEED.downtownHuddle);
    expect(rileyIds).not.toContain(SEED.downtownHuddle);
    expect(rileyIds).toContain(SEED.riversideDelivery);
    expect(rileyIds).toContain(SEED.returnsPolicy);
  });

  it('a department-targeted briefing reaches only that department', async () => {
    const id = await publishBriefing(managerDowntown, { store_ids: [SEED.downtown], department_ids: [SEED.checkout] });
    const sam = await signIn(DEMO.sam);
    expect((await pullBriefings(sam)).map((b) => b.id)).toContain(id);
    expect((await pullBriefings(alex)).map((b) => b.id)).not.toContain(id);
  });

  it('reading the briefings table directly as riley shows no Downtown rows', async () => {
    const rows = await asUserInSql(
      await userIdOf(DEMO.riley),
      async (c) => (await c.query('select id from public.briefings where $1 = any (store_ids)', [SEED.downtown])).rows,
    );
    expect(rows).toEqual([]);
  });
});

describe('acknowledgements', () => {
  it('alex cannot acknowledge for sam: the member always comes from the JWT', async () => {
    const v = await briefingVersion(SEED.downtownHuddle);
    const forged = ackOf(SEED.downtownHuddle, v);
    (forged.payload as Record<string, unknown>).member_id = SEED.samMember;
    (forged.payload as Record<string, unknown>).user_id = await userIdOf(DEMO.sam);
    const [result] = await push(alex, [forged]);
    expect(result?.status).toBe('applied');
    const rows = await sql<{ member_id: string }>('select member_id from public.acknowledgements where id = $1', [forged.id]);
    expect(rows).toEqual([{ member_id: SEED.alexMember }]);
  });

  it('alex cannot acknowledge a briefing outside his audience', async () => {
    const v = await briefingVersion(SEED.riversideDelivery);
    const m = ackOf(SEED.riversideDelivery, v);
    const [result] = await push(alex, [m]);
    expect(result).toMatchObject({ status: 'rejected', code: 'unknown_briefing' });
    expect(await sql('select 1 from public.acknowledgements where id = $1', [m.id])).toHaveLength(0);
  });

  it('an acknowledgement names the exact version and hash; a wrong hash is refused', async () => {
    const id = await publishBriefing(managerDowntown, { store_ids: [SEED.downtown] });
    const v = await briefingVersion(id);
    const [bad] = await push(alex, [ackOf(id, { version: v.version, content_hash: 'f'.repeat(64) })]);
    expect(bad).toMatchObject({ status: 'rejected', code: 'hash_mismatch' });
    const [good] = await push(alex, [ackOf(id, v)]);
    expect(good?.status).toBe('applied');
    const rows = await sql('select version, content_hash from public.acknowledgements where briefing_id = $1', [id]);
    expect(rows).toEqual([{ version: 1, content_hash: v.content_hash }]);
  });

  it('editing the text makes a new version that needs a new acknowledgement', async () => {
    const id = await publishBriefing(managerDowntown, { store_ids: [SEED.downtown], title: 'Till float', body: 'Count it at 9.' });
    const v1 = await briefingVersion(id);
    await push(alex, [ackOf(id, v1)]);
    const [edit] = await push(managerDowntown, [
      mutation('briefing', {
        action: 'edit',
        briefing_id: id,
        title: 'Till float',
        body: 'Count it at 8.',
        store_ids: [SEED.downtown],
        requires_ack: true,
        base_version: 1,
      }),
    ]);
    expect(edit?.status).toBe('applied');
    const v2 = await briefingVersion(id);
    expect(v2.version).toBe(2);
    expect(v2.content_hash).not.toBe(v1.content_hash);

    const status = await callRpc(managerDowntown, 'briefing_ack_status', { p_briefing_id: id });
    expect(status.ok && status.data.pending.map((p) => p.display_name)).toContain('Alex Kim');
    const [staleAck] = await push(alex, [ackOf(id, { version: 2, content_hash: v1.content_hash })]);
    expect(staleAck).toMatchObject({ status: 'rejected', code: 'hash_mismatch' });
    const [freshAck] = await push(alex, [ackOf(id, v2)]);
    expect(freshAck?.status).toBe('applied');
    const after = await callRpc(managerDowntown, 'briefing_ack_status', { p_briefing_id: id });
    expect(after.ok && after.data.pending.map((p) => p.display_name)).not.toContain('Alex Kim');
  });

  it('nobody can update or delete one: not staff, not the service role, not the owner', async () => {
    const v = await briefingVersion(SEED.returnsPolicy);
    const m = ackOf(SEED.returnsPolicy, v);
    await push(await signIn(DEMO.riley), [m]);
    const rileyId = await userIdOf(DEMO.riley);
    for (const role of ['authenticated', 'service_role']) {
      await expect(asUserInSql(rileyId, (c) => c.query('update public.acknowledgements set acked_at = now() where id = $1', [m.id]), role)).rejects.toThrow(
        /permission denied|append-only/,
      );
      await expect(asUserInSql(rileyId, (c) => c.query('delete from public.acknowledgements where id = $1', [m.id]), role)).rejects.toThrow(
        /permission denied|append-only/,
      );
    }
    await expect(sql('update public.acknowledgements set version = 99 where id = $1', [m.id])).rejects.toThrow(/append-only/);
    await expect(sql('delete from public.acknowledgements where id = $1', [m.id])).rejects.toThrow(/append-only/);
    await expect(sql('truncate public.acknowledgements cascade')).rejects.toThrow(/append-only/);
    expect(await sql('select 1 from public.acknowledgements where id = $1', [m.id])).toHaveLength(1);
  });
});

describe('managers', () => {
  it('cannot publish to a store they do not manage', async () => {
    const m = mutation('briefing', { action: 'publish', briefing_id: randomUUID(), title: 'x', body: 'y', store_ids: [SEED.riverside] });
    const [result] = await push(managerDowntown, [m]);
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden_audience' });
    const orgWide = mutation('briefing', { action: 'publish', briefing_id: randomUUID(), title: 'x', body: 'y', store_ids: [] });
    expect((await push(managerDowntown, [orgWide]))[0]).toMatchObject({ status: 'rejected', code: 'forbidden_audience' });
  });

  it("cannot edit or retract another store's briefing", async () => {
    for (const action of ['retract', 'edit'] as const) {
      const payload =
        action === 'retract'
          ? { action, briefing_id: SEED.riversideDelivery }
          : { action, briefing_id: SEED.riversideDelivery, title: 'Hijacked', body: 'x', store_ids: [SEED.riverside] };
      const [result] = await push(managerDowntown, [mutation('briefing', payload)]);
      expect(result).toMatchObject({ status: 'rejected', code: 'unknown_briefing' });
    }
    const [row] = await sql<{ retracted_at: unknown; version: number }>('select retracted_at, version from public.briefings where id = $1', [
      SEED.riversideDelivery,
    ]);
    expect(row).toEqual({ retracted_at: null, version: 1 });
  });

  it("cannot read another store's acknowledgements, by RPC or table", async () => {
    const v = await briefingVersion(SEED.riversideDelivery);
    await push(riley, [ackOf(SEED.riversideDelivery, v)]);
    const status = await callRpc(managerDowntown, 'briefing_ack_status', { p_briefing_id: SEED.riversideDelivery });
    expect(status.ok).toBe(false);
    expect(!status.ok && status.error.kind === 'http' && status.error.status).toBe(403);
    const rows = await asUserInSql(
      await userIdOf(DEMO.managerDowntown),
      async (c) => (await c.query('select a.id from public.acknowledgements a where a.briefing_id = $1', [SEED.riversideDelivery])).rows,
    );
    expect(rows).toEqual([]);
    const own = await callRpc(await signIn(DEMO.managerRiverside), 'briefing_ack_status', { p_briefing_id: SEED.riversideDelivery });
    expect(own.ok && own.data.acked).toBeGreaterThanOrEqual(1);
  });

  it("see only their own stores in an org-wide briefing's reach; hr sees every store", async () => {
    const manager = await callRpc(managerDowntown, 'briefing_ack_status', { p_briefing_id: SEED.returnsPolicy });
    expect(manager.ok && manager.data.by_store.map((s) => s.store_name)).toEqual(['Downtown']);
    const org = await callRpc(hr, 'briefing_ack_status', { p_briefing_id: SEED.returnsPolicy });
    expect(org.ok && org.data.by_store.map((s) => s.store_name)).toEqual(['Downtown', 'Riverside']);
  });

  it('staff cannot publish or read reach', async () => {
    const [result] = await push(alex, [
      mutation('briefing', { action: 'publish', briefing_id: randomUUID(), title: 'x', body: 'y', store_ids: [SEED.downtown] }),
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const status = await callRpc(alex, 'briefing_ack_status', { p_briefing_id: SEED.downtownHuddle });
    expect(!status.ok && status.error.kind === 'http' && status.error.status).toBe(403);
  });
});

describe('organisations are sealed from each other', () => {
  it('a member of another organisation sees none of Demo Retail, and Demo HR sees none of theirs', async () => {
    const other = await createOrg();
    const outsiderHr = await createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: other.departmentId, role: 'hr' });
    const theirs = await publishBriefing(outsiderHr.client, { store_ids: [other.storeId] });
    const seen = await pullBriefings(outsiderHr.client);
    expect(seen.map((b) => b.id)).toEqual([theirs]);
    expect((await pullBriefings(hr)).map((b) => b.id)).not.toContain(theirs);
    const [ack] = await push(outsiderHr.client, [ackOf(SEED.returnsPolicy, await briefingVersion(SEED.returnsPolicy))]);
    expect(ack).toMatchObject({ status: 'rejected', code: 'unknown_briefing' });
    const [kudos] = await push(outsiderHr.client, [mutation('kudos', { to_member_id: SEED.samMember, message: 'hi' })]);
    expect(kudos).toMatchObject({ status: 'rejected', code: 'unknown_member' });
    const status = await callRpc(outsiderHr.client, 'briefing_ack_status', { p_briefing_id: SEED.returnsPolicy });
    expect(!status.ok && status.error.kind === 'http' && status.error.status).toBe(403);
    const leaked = await asUserInSql(outsiderHr.userId, async (c) => ({
      stores: (await c.query('select name from public.stores')).rows.map((r) => r.name),
      members: (await c.query('select count(*)::int as n from public.members where org_id = $1', [SEED.org])).rows[0].n,
      briefings: (await c.query('select count(*)::int as n from public.briefings where org_id = $1', [SEED.org])).rows[0].n,
    }));
    expect(leaked).toEqual({ stores: ['Harbour'], members: 0, briefings: 0 });
  });
});

describe('no table is writable directly by authenticated or anon', () => {
  it('every public table refuses insert, update and delete', async () => {
    const tables = (await sql<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by 1`)).map((r) => r.tablename);
    expect(tables.length).toBeGreaterThanOrEqual(15);
    const alexId = await userIdOf(DEMO.alex);
    for (const table of tables) {
      for (const [role, uid] of [
        ['authenticated', alexId],
        ['anon', null],
      ] as const) {
        await expect(
          asUserInSql(uid, (c) => c.query(`delete from public.${table}`), role),
          `${role} delete ${table}`,
        ).rejects.toThrow(/permission denied/);
        await expect(
          asUserInSql(uid, (c) => c.query(`insert into public.${table} default values`), role),
          `${role} insert ${table}`,
        ).rejects.toThrow(/permission denied/);
      }
    }
  });

  it('row-level security is enabled on every table', async () => {
    const off = await sql(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`);
    expect(off).toEqual([]);
  });

  it('anon gets nothing from the API', async () => {
    const pulled = await callRpc(anonClient(), 'sync_pull', {});
    expect(!pulled.ok && pulled.error.kind === 'http' && pulled.error.status).toBe(401);
    const pushed = await callRpc(anonClient(), 'sync_push', { p_mutations: [] });
    expect(!pushed.ok && pushed.error.kind === 'http' && pushed.error.status).toBe(401);
  });
});

describe('anonymous voice cannot be traced to a person', () => {
  it('anonymous feedback stores no author, no mutation id and only the day', async () => {
    const member = await createMember({});
    const m = mutation('feedback', { kind: 'concern', recipient: 'store', body: `Anonymous ${randomUUID()}`, anonymous: true });
    expect((await push(member.client, [m]))[0]?.status).toBe('applied');
    const rows = await sql<{ id: string; author_id: unknown; created_at: Date; sync_seq: unknown }>(
      'select id, author_id, created_at, sync_seq from public.feedback where body = $1',
      [m.payload.body],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.author_id).toBeNull();
    expect(rows[0]!.id).not.toBe(m.id);
    expect(rows[0]!.sync_seq).toBeNull();
    expect(rows[0]!.created_at.getUTCHours() * 60 + rows[0]!.created_at.getUTCMinutes()).toBe(0);
    const ledger = await sql('select member_id, applied_at from private.applied_mutations where id = $1', [m.id]);
    expect(ledger).toEqual([{ member_id: null, applied_at: null }]);
  });

  it('pulse answers carry no person, time or order, and no API role can read them', async () => {
    const columns = (
      await sql<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'pulse_responses' order by 1`,
      )
    ).map((r) => r.column_name);
    expect(columns).toEqual(['comment', 'department_id', 'id', 'pulse_id', 'score', 'store_id']);
    const member = await createMember({});
    const m = mutation('pulse_response', { pulse_id: SEED.pulse, score: 7 });
    expect((await push(member.client, [m]))[0]?.status).toBe('applied');
    expect(await sql('select member_id, applied_at from private.applied_mutations where id = $1', [m.id])).toEqual([{ member_id: null, applied_at: null }]);
    for (const role of ['authenticated', 'service_role', 'anon']) {
      for (const table of ['public.pulse_responses', 'public.pulse_participation', 'public.feedback', 'private.pulse_answer_buffer']) {
        await expect(
          asUserInSql(await userIdOf(DEMO.hr), (c) => c.query(`select * from ${table}`), role),
          `${role} ${table}`,
        ).rejects.toThrow(/permission denied/);
      }
    }
  });

  it('a second pulse answer from the same person is refused', async () => {
    const member = await createMember({});
    expect((await push(member.client, [mutation('pulse_response', { pulse_id: SEED.pulse, score: 9 })]))[0]?.status).toBe('applied');
    const [second] = await push(member.client, [mutation('pulse_response', { pulse_id: SEED.pulse, score: 2 })]);
    expect(second).toMatchObject({ status: 'rejected', code: 'already_answered' });
  });
});

describe('deactivated members', () => {
  // A closed account may still deliver acks of what it was shown (tests/integration/leavers.test.ts); nothing else.
  it('get nothing and can write nothing but acknowledgements of what they were shown', async () => {
    const member = await createMember({});
    expect((await pullBriefings(member.client)).length).toBeGreaterThan(0);
    await sql('update public.members set active = false where id = $1', [member.memberId]);
    const pulled = await callRpc(member.client, 'sync_pull', {});
    expect(pulled.ok).toBe(false);
    expect(!pulled.ok && pulled.error.kind === 'http' && [pulled.error.status, pulled.error.details]).toEqual([403, 'member_inactive']);
    const [kudos] = await push(member.client, [mutation('kudos', { to_member_id: SEED.samMember, message: 'Bye!' })]);
    expect(kudos).toMatchObject({ status: 'rejected', code: 'account_closed' });
    await sql(`update private.member_closures set closed_at = now() - interval '31 days' where member_id = $1`, [member.memberId]);
    const v = await briefingVersion(SEED.returnsPolicy);
    const pushed = await callRpc(member.client, 'sync_push', { p_mutations: [ackOf(SEED.returnsPolicy, v)] });
    expect(!pushed.ok && pushed.error.kind === 'http' && pushed.error.status).toBe(403);
    const rows = await asUserInSql(member.userId, async (c) => (await c.query('select id from public.briefings')).rows);
    expect(rows).toEqual([]);
  });
});
