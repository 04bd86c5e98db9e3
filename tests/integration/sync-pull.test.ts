/**
 * sync_pull: paging by cursor returns every visible row exactly once, late
 * commits are never skipped, and removals reach the phones that held them.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import {
  ackOf,
  briefingVersion,
  createMember,
  DEMO,
  db,
  mutation,
  publishBriefing,
  pullAll,
  push,
  SEED,
  signIn,
  sql,
  type TestMember,
} from './support/fixtures';

let manager: SupabaseClient;

beforeAll(async () => {
  manager = await signIn(DEMO.managerDowntown);
});

function idsOf(page: {
  briefings: { id: string }[];
  value_cards: { id: string }[];
  lessons: { id: string }[];
  pulses: { id: string }[];
  acks: { id: string }[];
}): string[] {
  return [...page.briefings, ...page.value_cards, ...page.lessons, ...page.pulses, ...page.acks].map((row) => row.id);
}

describe('paging', () => {
  let member: TestMember;
  beforeAll(async () => {
    member = await createMember({ storeId: SEED.downtown, departmentId: SEED.salesFloor });
    for (let i = 0; i < 4; i++) {
      const id = await publishBriefing(manager, { store_ids: [SEED.downtown], title: `Paging ${i}` });
      await push(member.client, [ackOf(id, await briefingVersion(id))]);
    }
  });

  it('small pages return every visible row exactly once, in sync_seq order', async () => {
    const whole = await pullAll(member.client, 1000);
    expect(whole.pages).toHaveLength(1);
    const expected = idsOf(whole.pages[0]!).sort();
    expect(expected.length).toBeGreaterThan(15);

    const paged = await pullAll(member.client, 3);
    expect(paged.pages[0]!.total).toBe(expected.length);
    expect(paged.pages[1]!.total ?? null).toBeNull();
    expect(paged.pages.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / 3));
    const seen = paged.pages.flatMap(idsOf);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected);
    for (const page of paged.pages.slice(0, -1)) {
      expect(page.has_more).toBe(true);
      expect(idsOf(page)).toHaveLength(3);
    }
    const cursors = paged.pages.map((p) => p.cursor);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
  });

  it('from the last cursor, only what changed since comes back', async () => {
    const { cursor } = await pullAll(member.client);
    const quiet = await pullAll(member.client, 500, cursor);
    expect(quiet.pages.flatMap(idsOf)).toEqual([]);
    const id = await publishBriefing(manager, { store_ids: [SEED.downtown], title: 'Fresh' });
    const next = await pullAll(member.client, 500, cursor);
    expect(next.pages.flatMap((p) => p.briefings.map((b) => b.id))).toEqual([id]);
  });

  it('a transaction that commits late is not skipped by a cursor that moved past later commits', async () => {
    const { cursor } = await pullAll(member.client);
    const slow = await db().connect();
    const lateId = randomUUID();
    try {
      await slow.query('begin');
      await slow.query(
        `insert into public.briefings (id, org_id, author_id, title, body, store_ids)
         values ($1, $2, '3e000000-0000-4000-8000-000000000002', 'Late commit', 'Slow writer', $3)`,
        [lateId, SEED.org, [SEED.downtown]],
      );
      const quickId = await publishBriefing(manager, { store_ids: [SEED.downtown], title: 'Quick commit' });
      const during = await pullAll(member.client, 500, cursor);
      expect(during.pages.flatMap((p) => p.briefings.map((b) => b.id))).not.toContain(quickId);
      await slow.query('commit');
      const after = await pullAll(member.client, 500, during.cursor);
      expect(after.pages.flatMap((p) => p.briefings.map((b) => b.id)).sort()).toEqual([lateId, quickId].sort());
    } finally {
      slow.release();
    }
  });

  it('refuses a negative cursor or an oversized page', async () => {
    for (const args of [{ p_cursor: -1 }, { p_limit: 0 }, { p_limit: 5000 }]) {
      const outcome = await callRpc(member.client, 'sync_pull', args);
      expect(!outcome.ok && outcome.error.kind === 'http' && outcome.error.status).toBe(400);
    }
  });
});

describe('removed', () => {
  it('a retracted briefing is removed from the phones that held it', async () => {
    const member = await createMember({ storeId: SEED.downtown });
    const id = await publishBriefing(manager, { store_ids: [SEED.downtown], title: 'Wrong price list' });
    const { cursor, pages } = await pullAll(member.client);
    expect(pages.flatMap((p) => p.briefings.map((b) => b.id))).toContain(id);
    expect((await push(manager, [mutation('briefing', { action: 'retract', briefing_id: id })]))[0]?.status).toBe('applied');
    const next = await pullAll(member.client, 500, cursor);
    expect(next.pages.flatMap((p) => p.removed)).toContain(id);
    expect(next.pages.flatMap((p) => p.briefings.map((b) => b.id))).not.toContain(id);
    expect((await pullAll(member.client)).pages.flatMap((p) => p.briefings.map((b) => b.id))).not.toContain(id);
  });

  it('a briefing re-targeted away from a department is removed there and kept elsewhere', async () => {
    const sales = await createMember({ storeId: SEED.downtown, departmentId: SEED.salesFloor });
    const checkout = await createMember({ storeId: SEED.downtown, departmentId: SEED.checkout });
    const id = await publishBriefing(manager, { store_ids: [SEED.downtown], title: 'Everyone', body: 'Hello' });
    const salesCursor = (await pullAll(sales.client)).cursor;
    const checkoutCursor = (await pullAll(checkout.client)).cursor;
    await push(manager, [
      mutation('briefing', {
        action: 'edit',
        briefing_id: id,
        title: 'Checkout only',
        body: 'Hello',
        store_ids: [SEED.downtown],
        department_ids: [SEED.checkout],
      }),
    ]);
    const salesNext = await pullAll(sales.client, 500, salesCursor);
    expect(salesNext.pages.flatMap((p) => p.removed)).toContain(id);
    const checkoutNext = await pullAll(checkout.client, 500, checkoutCursor);
    expect(checkoutNext.pages.flatMap((p) => p.removed)).not.toContain(id);
    expect(checkoutNext.pages.flatMap((p) => p.briefings.map((b) => b.title))).toContain('Checkout only');
  });

  it("a member moved to another store drops the old store's content and gets the new one", async () => {
    const member = await createMember({ storeId: SEED.downtown, departmentId: SEED.stockroom });
    const before = await pullAll(member.client);
    expect(before.pages.flatMap((p) => p.briefings.map((b) => b.id))).toContain(SEED.downtownHuddle);
    await sql('update public.members set store_id = $1 where id = $2', [SEED.riverside, member.memberId]);

    const moved = await callRpc(member.client, 'sync_pull', { p_cursor: before.cursor });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.data.reset).toBe(true);
    expect(moved.data.cursor).toBe(0);
    expect(moved.data.removed).toContain(SEED.downtownHuddle);
    expect(moved.data.removed).not.toContain(SEED.returnsPolicy);
    expect(moved.data.me.store?.name).toBe('Riverside');

    const fresh = await pullAll(member.client, 500, moved.data.cursor);
    const ids = fresh.pages.flatMap((p) => p.briefings.map((b) => b.id));
    expect(ids).toContain(SEED.riversideDelivery);
    expect(ids).not.toContain(SEED.downtownHuddle);
    const settled = await callRpc(member.client, 'sync_pull', { p_cursor: fresh.cursor });
    expect(settled.ok && settled.data.reset).toBeFalsy();
  });
});
