/**
 * Required lessons (issue 13.6), tried by the people who must not get through:
 * staff cannot require a lesson, a manager cannot require one of a store they
 * do not run (nor of the whole organisation, nor write the table directly),
 * HR of another organisation cannot reach this one's lessons; the phone learns
 * the date through sync_pull; training_overdue lists exactly the people past
 * their date who have not passed, within the caller's scope, in pages.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { RpcArgs, TrainingOverdue } from '../../src/data/supabase/types';
import { asUserInSql, createMember, createOrg, mutation, pullAll, push, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let otherStore: string;
let hr: TestMember;
let manager: TestMember;
let otherManager: TestMember;
let staffHere: TestMember;
let staffThere: TestMember;
let passer: TestMember;
let foreignHr: TestMember;
let lessonId: string;

const QUIZ = [
  {
    id: 'q1',
    prompt: 'p',
    kind: 'single',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    correct: ['a'],
    explanation: '',
  },
];
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function refusal(outcome: Awaited<ReturnType<typeof callRpc>>): [number, string] | null {
  return !outcome.ok && outcome.error.kind === 'http' ? [outcome.error.status, outcome.error.details ?? ''] : null;
}

async function overdue(client: SupabaseClient, args: RpcArgs['training_overdue'] = {}): Promise<TrainingOverdue> {
  const outcome = await callRpc(client, 'training_overdue', args);
  if (!outcome.ok) throw new Error(`training_overdue failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

async function requiredBy(client: SupabaseClient): Promise<string | null | undefined> {
  const { pages } = await pullAll(client);
  return pages.flatMap((p) => p.lessons).find((l) => l.id === lessonId)?.required_by;
}

beforeAll(async () => {
  org = await createOrg();
  const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'America/New_York') returning id`, [
    org.orgId,
  ]);
  otherStore = store!.id;
  const other = await createOrg();
  [hr, manager, otherManager, staffHere, staffThere, passer, foreignHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: otherStore, departmentId: null, role: 'manager', manages: [otherStore] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: org.orgId, storeId: otherStore, departmentId: org.departmentId }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' }),
  ]);
  const [lesson] = await sql<{ id: string }>(
    `insert into public.lessons (org_id, title, cards, quiz) values ($1, 'Till safety', '[{"title":"a","body":"b"}]', $2) returning id`,
    [org.orgId, JSON.stringify(QUIZ)],
  );
  lessonId = lesson!.id;
  await sql(
    `insert into public.lesson_attempts (id, org_id, lesson_id, lesson_version, member_id, store_id, answers, score, passed, started_at, completed_at)
     values ($1, $2, $3, 1, $4, $5, '{}', 100, true, now(), now()), ($6, $2, $3, 1, $7, $5, '{}', 0, false, now(), now())`,
    [randomUUID(), org.orgId, lessonId, passer.memberId, org.storeId, randomUUID(), staffHere.memberId],
  );
});

describe('require_lesson refuses whoever may not', () => {
  it('staff: 403 forbidden, and nothing is written', async () => {
    expect(refusal(await callRpc(staffHere.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: inDays(3), p_store_ids: [org.storeId] }))).toEqual([
      403,
      'forbidden',
    ]);
    const rows = await sql('select 1 from public.lesson_requirements where lesson_id = $1', [lessonId]);
    expect(rows).toHaveLength(0);
  });

  it('a manager: another store, a mix with another store, or no store (everyone) are all 403 not_your_store', async () => {
    for (const stores of [[otherStore], [org.storeId, otherStore], []]) {
      const outcome = await callRpc(manager.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: inDays(3), p_store_ids: stores });
      expect(refusal(outcome)).toEqual([403, 'not_your_store']);
    }
  });

  it('nobody can write the table directly, even for their own store', async () => {
    const insert = asUserInSql(manager.userId, (c) =>
      c.query('insert into public.lesson_requirements (org_id, lesson_id, due_on, store_ids, set_by) values ($1, $2, current_date + 3, $3, $4)', [
        org.orgId,
        lessonId,
        [org.storeId],
        manager.memberId,
      ]),
    );
    await expect(insert).rejects.toMatchObject({ code: '42501' });
  });

  it("another organisation's HR cannot reach the lesson; past dates and other organisations' stores are refused", async () => {
    expect(refusal(await callRpc(foreignHr.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: inDays(3) }))).toEqual([400, 'unknown_lesson']);
    const other = await createOrg();
    expect(refusal(await callRpc(hr.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: inDays(3), p_store_ids: [other.storeId] }))).toEqual([
      400,
      'unknown_store',
    ]);
    expect(refusal(await callRpc(hr.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: inDays(-2) }))).toEqual([400, 'invalid_due_date']);
  });
});

describe('a requirement reaches the phones it applies to', () => {
  it("a manager's own store only; the phone's lesson row carries the date, others' do not", async () => {
    const due = inDays(5);
    const outcome = await callRpc(manager.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: due, p_store_ids: [org.storeId] });
    expect(outcome.ok && outcome.data).toMatchObject({ lesson_id: lessonId, due_on: due, store_ids: [org.storeId] });
    expect(await requiredBy(staffHere.client)).toBe(due);
    expect(await requiredBy(staffThere.client)).toBeNull();
    // The other store's manager cannot read it; its own staff can.
    const visible = (userId: string) =>
      asUserInSql(userId, async (c) => (await c.query('select due_on from public.lesson_requirements where lesson_id = $1', [lessonId])).rowCount);
    expect(await visible(otherManager.userId)).toBe(0);
    expect(await visible(staffThere.userId)).toBe(0);
    expect(await visible(staffHere.userId)).toBe(1);
  });

  it('a phone synced before the requirement pulls the lesson again with its date (the lesson moved)', async () => {
    const { cursor } = await pullAll(staffThere.client);
    const due = inDays(9);
    expect((await callRpc(hr.client, 'require_lesson', { p_lesson_id: lessonId, p_due_on: due, p_store_ids: [otherStore] })).ok).toBe(true);
    const { pages } = await pullAll(staffThere.client, 500, cursor);
    expect(pages.flatMap((p) => p.lessons).find((l) => l.id === lessonId)?.required_by).toBe(due);
  });
});

describe("a person's own attempts come back to their phones", () => {
  it('an attempt pushed from one phone arrives on a fresh one as the server scored it; nobody else gets it', async () => {
    const attempt = mutation('lesson_attempt', {
      lesson_id: lessonId,
      lesson_version: 1,
      answers: { q1: ['b'] },
      started_at: new Date(Date.now() - 60_000).toISOString(),
      completed_at: new Date().toISOString(),
    });
    expect((await push(staffThere.client, [attempt]))[0]?.status).toBe('applied');
    const { pages } = await pullAll(staffThere.client);
    expect(pages.flatMap((p) => p.attempts ?? []).filter((a) => a.lesson_id === lessonId)).toEqual([
      { id: attempt.id, lesson_id: lessonId, lesson_version: 1, percent: 0, passed: false, completed_at: expect.any(String) },
    ]);
    expect(pages[0]!.total).toBeGreaterThanOrEqual(2);
    const others = await pullAll(otherManager.client);
    expect(others.pages.flatMap((p) => p.attempts ?? []).map((a) => a.id)).not.toContain(attempt.id);
    // Once caught up, a pull brings it no more: the cursor has moved past it.
    const { pages: again } = await pullAll(staffThere.client, 500, (await pullAll(staffThere.client)).cursor);
    expect(again.flatMap((p) => p.attempts ?? [])).toEqual([]);
  });
});

describe('training_overdue', () => {
  beforeAll(async () => {
    // Dates in the past are seeded: the RPC refuses them, and the test must not wait for days to pass.
    await sql(`update public.lesson_requirements set due_on = current_date - 3 where lesson_id = $1`, [lessonId]);
  });

  it("a manager sees their store's people past the date who have not passed (a failed attempt does not count), not the other store's", async () => {
    const page = await overdue(manager.client);
    expect(page.people.map((p) => p.member_id).sort()).toEqual([manager.memberId, staffHere.memberId].sort());
    expect(page.people.every((p) => p.store_id === org.storeId && p.lesson_title === 'Till safety' && p.days_overdue >= 2)).toBe(true);
    expect(page.total).toBe(2);
    expect((await overdue(otherManager.client)).people.map((p) => p.member_id).sort()).toEqual([otherManager.memberId, staffThere.memberId].sort());
  });

  it('HR sees both stores, in pages whose union is the whole list', async () => {
    const whole = await overdue(hr.client);
    expect(whole.total).toBe(4);
    const seen: string[] = [];
    let next: TrainingOverdue['next'] = null;
    let pages = 0;
    do {
      const page = await overdue(hr.client, {
        p_after_name: next?.name ?? null,
        p_after_member_id: next?.member_id ?? null,
        p_after_lesson_id: next?.lesson_id ?? null,
        p_limit: 1,
      });
      seen.push(...page.people.map((p) => p.member_id));
      next = page.next;
      pages++;
    } while (next);
    expect(pages).toBe(4);
    expect(seen).toEqual(whole.people.map((p) => p.member_id));
    expect(seen).not.toContain(passer.memberId);
  });

  it('is not due yet on the date itself in the store time zone', async () => {
    await sql(`update public.lesson_requirements set due_on = (now() at time zone 'America/New_York')::date where lesson_id = $1 and $2 = any (store_ids)`, [
      lessonId,
      otherStore,
    ]);
    expect((await overdue(otherManager.client)).people).toEqual([]);
  });

  it('refuses staff (403), other organisations see none of it, bad limits and half keys (400)', async () => {
    expect(refusal(await callRpc(staffHere.client, 'training_overdue', {}))).toEqual([403, 'forbidden']);
    expect((await overdue(foreignHr.client)).people).toEqual([]);
    expect(refusal(await callRpc(hr.client, 'training_overdue', { p_limit: 0 }))).toEqual([400, 'invalid_limit']);
    expect(refusal(await callRpc(hr.client, 'training_overdue', { p_after_name: 'x' }))).toEqual([400, 'invalid_cursor']);
  });
});
