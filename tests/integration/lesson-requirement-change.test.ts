/**
 * Changing the date of a lesson requirement or removing it (issue 13.6), tried
 * by the people who must not get through: staff, the manager of another
 * store, a manager against a requirement that also names a store they do not
 * run or HR's organisation-wide one, HR of another organisation. HR changes
 * any; the phone learns the new date, and null once no requirement applies,
 * through sync_pull. training_requirements lists what the caller may see.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { TrainingRequirement } from '../../src/data/supabase/types';
import { createMember, createOrg, pullAll, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let otherStore: string;
let hr: TestMember;
let manager: TestMember;
let otherManager: TestMember;
let staffHere: TestMember;
let foreignHr: TestMember;
let lessonId: string;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function refusal(outcome: Awaited<ReturnType<typeof callRpc>>): [number, string] | null {
  return !outcome.ok && outcome.error.kind === 'http' ? [outcome.error.status, outcome.error.details ?? ''] : null;
}

async function requirement(client: SupabaseClient, stores: string[], due = inDays(5)): Promise<string> {
  const outcome = await callRpc(client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: due, p_store_ids: stores });
  if (!outcome.ok) throw new Error(`require_lesson failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data.id;
}

async function listed(client: SupabaseClient): Promise<TrainingRequirement[]> {
  const outcome = await callRpc(client, 'training_requirements', {});
  if (!outcome.ok) throw new Error(`training_requirements failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data.filter((r) => r.lesson_id === lessonId);
}

async function dueOn(id: string): Promise<string | null> {
  const [row] = await sql<{ due_on: string }>(`select due_on::text from public.lesson_requirements where id = $1`, [id]);
  return row?.due_on ?? null;
}

async function requiredBy(client: SupabaseClient, cursor = 0): Promise<string | null | undefined> {
  const { pages } = await pullAll(client, 500, cursor);
  return pages.flatMap((p) => p.lessons).find((l) => l.id === lessonId)?.required_by;
}

beforeAll(async () => {
  org = await createOrg();
  const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'America/New_York') returning id`, [
    org.orgId,
  ]);
  otherStore = store!.id;
  const other = await createOrg();
  [hr, manager, otherManager, staffHere, foreignHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: otherStore, departmentId: null, role: 'manager', manages: [otherStore] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' }),
  ]);
  const [lesson] = await sql<{ id: string }>(
    `insert into public.lessons (org_id, title, cards, quiz) values ($1, 'Cold chain', '[{"title":"a","body":"b"}]', '[]') returning id`,
    [org.orgId],
  );
  lessonId = lesson!.id;
});

describe('who may change or remove a requirement', () => {
  it('staff, the other store, another organisation: refused, and the date stays', async () => {
    const mine = await requirement(manager.client, [org.storeId]);
    const attempts: [SupabaseClient, [number, string]][] = [
      [staffHere.client, [403, 'forbidden']],
      [otherManager.client, [403, 'not_your_requirement']],
      [foreignHr.client, [400, 'unknown_requirement']],
    ];
    for (const [client, expected] of attempts) {
      expect(refusal(await callRpc(client, 'change_lesson_requirement', { p_id: mine, p_due_on: inDays(20) }))).toEqual(expected);
      expect(refusal(await callRpc(client, 'remove_lesson_requirement', { p_id: mine }))).toEqual(expected);
    }
    expect(await dueOn(mine)).toBe(inDays(5));
  });

  it("a manager cannot touch HR's organisation-wide requirement, nor one that also names a store they do not run", async () => {
    const everyone = await requirement(hr.client, []);
    const both = await requirement(hr.client, [org.storeId, otherStore]);
    for (const id of [everyone, both]) {
      expect(refusal(await callRpc(manager.client, 'change_lesson_requirement', { p_id: id, p_due_on: inDays(20) }))).toEqual([403, 'not_your_requirement']);
      expect(refusal(await callRpc(manager.client, 'remove_lesson_requirement', { p_id: id }))).toEqual([403, 'not_your_requirement']);
    }
    // It sees them, marked as not theirs to change; the other store's manager does not see this store's own one.
    const seen = await listed(manager.client);
    expect(seen.filter((r) => r.id === everyone || r.id === both).map((r) => r.can_change)).toEqual([false, false]);
    expect(
      seen
        .find((r) => r.id === both)
        ?.stores.map((s) => s.name)
        .sort(),
    ).toEqual(['Harbour', 'Quay']);
    const otherSees = (await listed(otherManager.client)).map((r) => r.id);
    expect(otherSees).toContain(both);
    expect(otherSees.every((id) => seen.some((r) => r.id === id))).toBe(true);
    expect((await listed(hr.client)).every((r) => r.can_change)).toBe(true);
    expect(refusal(await callRpc(staffHere.client, 'training_requirements', {}))).toEqual([403, 'forbidden']);
    expect(await listed(foreignHr.client)).toEqual([]);
    for (const id of [everyone, both]) expect((await callRpc(hr.client, 'remove_lesson_requirement', { p_id: id })).ok).toBe(true);
  });

  it('dates follow require_lesson: not in the past, not years away', async () => {
    const [mine] = (await listed(manager.client)).filter((r) => r.can_change);
    for (const bad of [inDays(-2), inDays(800)]) {
      expect(refusal(await callRpc(manager.client, 'change_lesson_requirement', { p_id: mine!.id, p_due_on: bad }))).toEqual([400, 'invalid_due_date']);
    }
  });
});

describe('the phone follows', () => {
  it('a changed date, then none once the last requirement is removed (HR removing the manager’s)', async () => {
    const [mine] = await listed(manager.client);
    expect(await requiredBy(staffHere.client)).toBe(inDays(5));
    const { cursor } = await pullAll(staffHere.client);
    const changed = await callRpc(manager.client, 'change_lesson_requirement', { p_id: mine!.id, p_due_on: inDays(12) });
    expect(changed.ok && changed.data).toMatchObject({ id: mine!.id, due_on: inDays(12), store_ids: [org.storeId] });
    expect(await requiredBy(staffHere.client, cursor)).toBe(inDays(12));

    const after = (await pullAll(staffHere.client)).cursor;
    expect((await callRpc(hr.client, 'remove_lesson_requirement', { p_id: mine!.id })).ok).toBe(true);
    expect(await requiredBy(staffHere.client, after)).toBeNull();
    expect(await dueOn(mine!.id)).toBeNull();
    expect(refusal(await callRpc(hr.client, 'remove_lesson_requirement', { p_id: mine!.id }))).toEqual([400, 'unknown_requirement']);
  });
});

describe('the calls are guarded', () => {
  it('security definer, an empty search_path, a comment, no anon execute; the helpers are not callable at all', async () => {
    const rows = await sql<{ schema: string; name: string; definer: boolean; config: string[] | null; comment: string | null; anon: boolean; authed: boolean }>(
      `select p.pronamespace::regnamespace::text as schema, p.proname as name, p.prosecdef as definer, p.proconfig as config,
              obj_description(p.oid, 'pg_proc') as comment,
              has_function_privilege('anon', p.oid, 'execute') as anon, has_function_privilege('authenticated', p.oid, 'execute') as authed
       from pg_proc p
       where p.proname in ('training_requirements', 'change_lesson_requirement', 'remove_lesson_requirement', 'may_change_requirement', 'requirement_to_change')
       order by 2`,
    );
    expect(rows.map((r) => `${r.schema}.${r.name}`)).toEqual([
      'public.change_lesson_requirement',
      'private.may_change_requirement',
      'public.remove_lesson_requirement',
      'private.requirement_to_change',
      'public.training_requirements',
    ]);
    for (const r of rows) {
      expect(r, r.name).toMatchObject({ definer: true, anon: false, authed: r.schema === 'public' });
      expect(r.config, r.name).toContain('search_path=""');
      expect(r.comment?.length, r.name).toBeGreaterThan(20);
    }
  });
});
