/**
 * Authors are not their own audience (issue 13, point 1), tried on a bad day: a manager
 * writes a must-acknowledge briefing for the store they run, overdue, and even
 * acknowledges it themselves. They must not appear in its pending list, its reach, the
 * compliance report's denominators, its overdue people or the tallies; a briefing a
 * co-manager writes to the same store still counts them, as HR's reports and theirs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { BriefingAckStatus, ComplianceReport } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, createOrg, publishBriefing, push, sql, type TestMember } from './support/fixtures';

let orgId: string;
let harbour: string;
let hr: TestMember;
let author: TestMember;
let coManager: TestMember;
let s1: TestMember;
let s2: TestMember;
let own = '';
let other = '';
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

async function status(member: TestMember, briefingId: string): Promise<BriefingAckStatus> {
  const outcome = await callRpc(member.client, 'briefing_ack_status', { p_briefing_id: briefingId });
  if (!outcome.ok) throw new Error(`briefing_ack_status failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}
async function report(member: TestMember): Promise<ComplianceReport> {
  const outcome = await callRpc(member.client, 'compliance_report', { p_days: 30 });
  if (!outcome.ok) throw new Error(`compliance_report failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

beforeAll(async () => {
  const base = await createOrg();
  orgId = base.orgId;
  harbour = base.storeId;
  [hr, author, coManager, s1, s2] = await Promise.all([
    createMember({ orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId, storeId: harbour, departmentId: base.departmentId, role: 'manager', manages: [harbour] }),
    createMember({ orgId, storeId: harbour, departmentId: base.departmentId, role: 'manager', manages: [harbour] }),
    createMember({ orgId, storeId: harbour, departmentId: base.departmentId }),
    createMember({ orgId, storeId: harbour, departmentId: base.departmentId }),
  ]);
  own = await publishBriefing(author.client, { title: 'Own policy', store_ids: [harbour], ack_due_at: hourAgo() });
  other = await publishBriefing(coManager.client, { title: 'Co-manager policy', store_ids: [harbour], ack_due_at: hourAgo() });
  // The author acknowledges their own briefing anyway (an older phone could): it must not count.
  for (const [member, id] of [
    [author, own],
    [s1, own],
    [s1, other],
  ] as const) {
    expect((await push(member.client, [ackOf(id, await briefingVersion(id))]))[0]?.status).toBe('applied');
  }
});

describe('authors are not their own audience', () => {
  it('briefing_ack_status: the author is neither in the reach nor pending; a co-manager’s briefing counts them', async () => {
    for (const viewer of [author, coManager, hr]) {
      const mine = await status(viewer, own);
      expect(mine).toMatchObject({ total: 3, acked: 1 });
      expect(mine.by_store).toEqual([{ store_id: harbour, store_name: expect.any(String), total: 3, acked: 1 }]);
      expect(mine.pending.map((p) => p.member_id).sort()).toEqual([coManager.memberId, s2.memberId].sort());
      const theirs = await status(viewer, other);
      expect(theirs).toMatchObject({ total: 3, acked: 1 });
      expect(theirs.pending.map((p) => p.member_id).sort()).toEqual([author.memberId, s2.memberId].sort());
    }
  });

  it('compliance_report: denominators and overdue people leave the author out, for HR and for the manager alike', async () => {
    for (const viewer of [hr, author]) {
      const r = await report(viewer);
      expect(r).toMatchObject({ total: 6, acked: 2, overdue: 4, briefing_count: 2 });
      expect(Object.fromEntries(r.by_briefing.map((b) => [b.id, [b.total, b.acked, b.overdue]]))).toEqual({ [own]: [3, 1, 2], [other]: [3, 1, 2] });
      expect(r.by_store).toEqual([{ store_id: harbour, name: expect.any(String), total: 6, acked: 2 }]);
      const pairs = r.overdue_people.map((p) => `${p.member_id}/${p.briefing_id}`).sort();
      expect(pairs).toEqual([`${coManager.memberId}/${own}`, `${s2.memberId}/${own}`, `${author.memberId}/${other}`, `${s2.memberId}/${other}`].sort());
    }
  });

  it('the tallies leave out the author’s own acknowledgement and equal a recount', async () => {
    const tallied = await sql<{ briefing_id: string; n: string }>(
      `select t.briefing_id, sum(t.n)::text as n from private.ack_tally_daily t where t.briefing_id = any ($1) group by 1 order by 1`,
      [[own, other]],
    );
    expect(Object.fromEntries(tallied.map((t) => [t.briefing_id, t.n]))).toEqual({ [own]: '1', [other]: '1' });
    const [store] = await sql<{ n: string }>(`select sum(n)::text as n from private.ack_tally_store where store_id = $1`, [harbour]);
    expect(store?.n).toBe('2');
  });

  it('moving the author to another store and back keeps their own briefing out of the tallies', async () => {
    const [pier] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Pier', 'UTC') returning id`, [orgId]);
    await sql('update public.members set store_id = $2 where id = $1', [author.memberId, pier!.id]);
    await sql('update public.members set store_id = $2 where id = $1', [author.memberId, harbour]);
    const [store] = await sql<{ n: string }>(`select sum(n)::text as n from private.ack_tally_store where store_id = $1`, [harbour]);
    expect(store?.n).toBe('2');
    expect((await report(hr)).acked).toBe(2);
  });
});
