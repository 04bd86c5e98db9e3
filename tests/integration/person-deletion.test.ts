/**
 * Deleting a person's login (what the Supabase dashboard or the Auth admin API
 * does: a delete on auth.users) keeps their history: the delete succeeds, the
 * member stays, deactivated and without a user, and their acknowledgements,
 * kudos, lesson attempts and feedback stay in the audit trail and reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { ackOf, briefingVersion, createMember, createOrg, mutation, publishBriefing, push, sql, type TestMember } from './support/fixtures';

let hr: TestMember;
let leaver: TestMember;
let colleague: TestMember;
let briefingId: string;

beforeAll(async () => {
  const org = await createOrg();
  [hr, leaver, colleague] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
  ]);
  briefingId = await publishBriefing(hr.client, { kind: 'policy', title: 'Cash handling', body: 'Count twice.' });
  const results = await push(leaver.client, [
    ackOf(briefingId, await briefingVersion(briefingId)),
    mutation('kudos', { to_member_id: colleague.memberId, value_card_id: null, message: 'Thanks for the cover' }),
    mutation('feedback', { kind: 'suggestion', recipient: 'store', body: 'More tills at noon', anonymous: false, briefing_id: null }),
  ]);
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  const [kudos] = await push(colleague.client, [mutation('kudos', { to_member_id: leaver.memberId, value_card_id: null, message: 'Welcome back' })]);
  expect(kudos?.status).toBe('applied');
});

describe('deleting an auth user', () => {
  it('succeeds as the database owner, deactivates the member and keeps every fact and audit row', async () => {
    const before = await callRpc(hr.client, 'audit_export_start', {});
    expect(before.ok && before.data.total).toBe(1);

    await sql('delete from auth.users where id = $1', [leaver.userId]);

    const [member] = await sql<{ user_id: string | null; active: boolean; display_name: string }>(
      'select user_id, active, display_name from public.members where id = $1',
      [leaver.memberId],
    );
    expect(member).toMatchObject({ user_id: null, active: false });
    const [facts] = await sql<{ acks: string; kudos: string; feedback: string }>(
      `select (select count(*) from public.acknowledgements where member_id = $1) as acks,
              (select count(*) from public.kudos where from_member_id = $1 or to_member_id = $1) as kudos,
              (select count(*) from public.feedback where author_id = $1) as feedback`,
      [leaver.memberId],
    );
    expect(facts).toEqual({ acks: '1', kudos: '2', feedback: '1' });

    const after = await callRpc(hr.client, 'audit_export_start', {});
    expect(after.ok && after.data.total).toBe(1);
    const page = await callRpc(hr.client, 'audit_export_page', { p_to: after.ok ? after.data.to : null });
    expect(page.ok && page.data.map((r) => [r.person, r.employee_email])).toEqual([[member!.display_name, leaver.email]]);
  });

  it("the deleted person's still-valid token reaches nothing", async () => {
    const pull = await callRpc(leaver.client, 'sync_pull', {});
    expect(!pull.ok && pull.error.kind === 'http' && pull.error.status).toBe(403);
  });

  it('an active member cannot be left without a login', async () => {
    await expect(sql('update public.members set user_id = null, active = true where id = $1', [colleague.memberId])).resolves.toBeDefined();
    const [row] = await sql<{ active: boolean }>('select active from public.members where id = $1', [colleague.memberId]);
    expect(row?.active).toBe(false);
  });
});
