/**
 * feedback_open_count, the number on a manager's or HR's Voice tab: the same
 * scope as the inbox, tried as each user who should see less or nothing.
 * In organisations of their own, so other tests' feedback does not count.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { anonClient, createMember, createOrg, mutation, push, sql, type TestMember } from './support/fixtures';

async function feedback(from: TestMember, recipient: 'store' | 'head_office', anonymous = false): Promise<string> {
  const body = `Count me ${randomUUID()}`;
  const [result] = await push(from.client, [mutation('feedback', { kind: 'question', recipient, body, anonymous })]);
  expect(result?.status).toBe('applied');
  const [row] = await sql<{ id: string }>('select id from public.feedback where body = $1', [body]);
  return row!.id;
}

async function count(member: TestMember): Promise<number> {
  const outcome = await callRpc(member.client, 'feedback_open_count', {});
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data;
}

describe('feedback_open_count', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let otherStore: string;
  let staff: TestMember;
  let manager: TestMember;
  let otherManager: TestMember;
  let hr: TestMember;
  let stranger: TestMember;

  beforeAll(async () => {
    org = await createOrg();
    const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'Europe/London') returning id`, [
      org.orgId,
    ]);
    otherStore = store!.id;
    const other = await createOrg();
    [staff, manager, otherManager, hr, stranger] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
      createMember({ orgId: org.orgId, storeId: otherStore, departmentId: null, role: 'manager', manages: [otherStore] }),
      createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
      createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: null, role: 'hr' }),
    ]);
  });

  it("counts open items in the caller's inbox only: their stores for a manager, the organisation for HR", async () => {
    const named = await feedback(staff, 'store');
    await feedback(staff, 'store', true);
    await feedback(staff, 'head_office');
    expect(await count(manager)).toBe(2);
    expect(await count(otherManager)).toBe(0);
    expect(await count(hr)).toBe(3);
    expect(await count(stranger)).toBe(0);

    // Answered, it no longer waits.
    const reply = await callRpc(manager.client, 'reply_feedback', { p_feedback_id: named, p_body: 'Done' });
    expect(reply.ok).toBe(true);
    expect(await count(manager)).toBe(1);
    expect(await count(hr)).toBe(2);
  });

  it('is refused to staff and to callers without a session', async () => {
    const asStaff = await callRpc(staff.client, 'feedback_open_count', {});
    expect(!asStaff.ok && asStaff.error.kind === 'http' && [asStaff.error.code, asStaff.error.details]).toEqual(['42501', 'forbidden']);
    const asAnon = await callRpc(anonClient(), 'feedback_open_count', {});
    expect(!asAnon.ok && asAnon.error.kind === 'http' && asAnon.error.code).toBe('42501');
  });
});
