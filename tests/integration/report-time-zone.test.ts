/**
 * Reports count days in the organisation's time zone (issue 13, point 4). An
 * organisation at UTC+14 and then UTC-11: the period's last day, the day an
 * acknowledgement is counted on, and the tallies HR reads all follow its clock,
 * and a change of time zone recounts the tallies. An unknown time zone is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { ComplianceReport } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, createOrg, publishBriefing, push, sql, type TestMember } from './support/fixtures';

let orgId: string;
let hr: TestMember;
let manager: TestMember;

async function report(member: TestMember): Promise<ComplianceReport> {
  const outcome = await callRpc(member.client, 'compliance_report', { p_days: 7 });
  if (!outcome.ok) throw new Error(`compliance_report failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}
async function today(zone: string): Promise<string> {
  const [row] = await sql<{ day: string }>(`select (now() at time zone $1)::date::text as day`, [zone]);
  return row!.day;
}
async function talliedDays(): Promise<string[]> {
  const rows = await sql<{ day: string }>(
    `select t.day::text as day from private.ack_tally_daily t join public.briefings b on b.id = t.briefing_id where b.org_id = $1 and t.n <> 0 order by 1`,
    [orgId],
  );
  return rows.map((r) => r.day);
}

beforeAll(async () => {
  const base = await createOrg();
  orgId = base.orgId;
  await sql(`update public.organizations set time_zone = 'Pacific/Kiritimati' where id = $1`, [orgId]);
  hr = await createMember({ orgId, storeId: null, departmentId: null, role: 'hr' });
  manager = await createMember({ orgId, storeId: base.storeId, departmentId: base.departmentId, role: 'manager', manages: [base.storeId] });
  const staff = await createMember({ orgId, storeId: base.storeId, departmentId: base.departmentId });
  const id = await publishBriefing(hr.client, { title: 'Tills' });
  expect((await push(staff.client, [ackOf(id, await briefingVersion(id))]))[0]?.status).toBe('applied');
});

describe('report days in the organisation’s time zone', () => {
  it('the period ends on today there, and today’s acknowledgement is counted on that day, from the tallies and directly', async () => {
    const day = await today('Pacific/Kiritimati');
    for (const viewer of [hr, manager]) {
      const r = await report(viewer);
      expect(r).toMatchObject({ time_zone: 'Pacific/Kiritimati', last_day: day, acked: 1 });
      expect(r.daily.at(-1)).toEqual({ day, acked: 1, cumulative: 1 });
    }
    expect(await talliedDays()).toEqual([day]);
  });

  it('a new time zone moves the days and recounts the tallies', async () => {
    await sql(`update public.organizations set time_zone = 'Pacific/Pago_Pago' where id = $1`, [orgId]);
    try {
      const day = await today('Pacific/Pago_Pago');
      expect(day).not.toBe(await today('Pacific/Kiritimati'));
      expect(await talliedDays()).toEqual([day]);
      for (const viewer of [hr, manager]) {
        const r = await report(viewer);
        expect(r).toMatchObject({ time_zone: 'Pacific/Pago_Pago', last_day: day, acked: 1 });
        expect(r.daily.at(-1)).toEqual({ day, acked: 1, cumulative: 1 });
      }
    } finally {
      await sql(`update public.organizations set time_zone = 'Pacific/Kiritimati' where id = $1`, [orgId]);
    }
  });

  it('refuses a time zone Postgres does not know', async () => {
    await expect(sql(`update public.organizations set time_zone = 'Mars/Olympus' where id = $1`, [orgId])).rejects.toThrow(/Unknown time zone/);
  });
});
