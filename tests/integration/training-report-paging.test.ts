/**
 * training_report in pages of stores, on an organisation of its own with five
 * stores: each page has rows for at most p_limit stores, the pages together
 * are exactly the one-page answer, `next` is null only on the last page; a
 * manager's pages hold their stores only; bad limits and keys are refused.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { RpcArgs, TrainingReport } from '../../src/data/supabase/types';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

const STORES = ['Bay', 'Cove', 'Dock', 'Harbour', 'Pier'];
let hr: TestMember;
let manager: TestMember;
let staff: TestMember;
let storeIds: Record<string, string>;

async function report(client: SupabaseClient, args: RpcArgs['training_report']): Promise<TrainingReport> {
  const outcome = await callRpc(client, 'training_report', args);
  if (!outcome.ok) throw new Error(`training_report failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

async function allPages(client: SupabaseClient, limit: number): Promise<TrainingReport[]> {
  const pages: TrainingReport[] = [];
  let next: TrainingReport['next'] = null;
  do {
    const page = await report(client, { p_after_store_name: next?.store_name ?? null, p_after_store_id: next?.store_id ?? null, p_limit: limit });
    pages.push(page);
    next = page.next;
  } while (next);
  return pages;
}

const rowsOf = (pages: TrainingReport[]) =>
  pages
    .flatMap((p) => p.lessons.flatMap((l) => l.by_store.map((r) => ({ lesson: l.title, ...r }))))
    .sort((x, y) => `${x.lesson} ${x.store_name}`.localeCompare(`${y.lesson} ${y.store_name}`));

beforeAll(async () => {
  const org = await createOrg();
  storeIds = { Harbour: org.storeId };
  for (const name of STORES.filter((n) => n !== 'Harbour')) {
    const [row] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, $2, 'UTC') returning id`, [org.orgId, name]);
    storeIds[name] = row!.id;
  }
  [hr, manager, staff] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: storeIds.Dock!, departmentId: null, role: 'manager', manages: [storeIds.Dock!] }),
    createMember({ orgId: org.orgId, storeId: storeIds.Pier!, departmentId: org.departmentId }),
  ]);
  const quiz = [
    {
      id: 'q1',
      prompt: 'p',
      kind: 'single',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      correct: ['a'],
      explanation: 'e',
    },
  ];
  const lessons = await sql<{ id: string; title: string }>(
    `insert into public.lessons (org_id, title, cards, quiz, store_ids)
     values ($1, 'Everyone', '[{"title":"a","body":"b"}]', $2, '{}'), ($1, 'Only Bay and Pier', '[{"title":"a","body":"b"}]', $2, $3)
     returning id, title`,
    [org.orgId, JSON.stringify(quiz), [storeIds.Bay, storeIds.Pier]],
  );
  // Two staff per store, one of whom took each lesson they are in.
  for (const name of STORES) {
    const [taker] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: storeIds[name]!, departmentId: org.departmentId }),
      createMember({ orgId: org.orgId, storeId: storeIds[name]!, departmentId: org.departmentId }),
    ]);
    for (const lesson of lessons) {
      if (lesson.title !== 'Everyone' && !['Bay', 'Pier'].includes(name)) continue;
      await sql(
        `insert into public.lesson_attempts (id, org_id, lesson_id, lesson_version, member_id, store_id, answers, score, passed, started_at, completed_at)
         values ($1, $2, $3, 1, $4, $5, '{}', 90, true, now(), now())`,
        [randomUUID(), org.orgId, lesson.id, taker.memberId, storeIds[name]],
      );
    }
  }
});

describe('training_report pages', () => {
  it('HR: pages of at most p_limit stores that together are the one-page answer, next null only on the last', async () => {
    const whole = await report(hr.client, {});
    expect(whole.next).toBeNull();
    expect(whole.lessons.map((l) => [l.title, l.by_store.map((r) => r.store_name)])).toEqual([
      ['Everyone', STORES],
      ['Only Bay and Pier', ['Bay', 'Pier']],
    ]);
    expect(whole.lessons[0]!.by_store.find((r) => r.store_name === 'Pier')).toMatchObject({ audience: 3, completed: 1, passed: 1, average_score: 90 });

    const pages = await allPages(hr.client, 2);
    expect(pages.map((p) => p.lessons.map((l) => l.by_store.map((r) => r.store_name)))).toEqual([
      [['Bay', 'Cove'], ['Bay']],
      [['Dock', 'Harbour'], []],
      [['Pier'], ['Pier']],
    ]);
    expect(pages.map((p) => p.next?.store_name ?? null)).toEqual(['Cove', 'Harbour', null]);
    expect(rowsOf(pages)).toEqual(rowsOf([whole]));
  });

  it('a manager pages through their stores only, and sees only lessons that reach them', async () => {
    const pages = await allPages(manager.client, 1);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lessons.map((l) => [l.title, l.by_store.map((r) => r.store_name)])).toEqual([['Everyone', ['Dock']]]);
  });

  it('refuses staff (403), limits outside 1..100 and half a key (400)', async () => {
    const refused = await callRpc(staff.client, 'training_report', {});
    expect(!refused.ok && refused.error.kind === 'http' && [refused.error.status, refused.error.details]).toEqual([403, 'forbidden']);
    for (const [args, code] of [
      [{ p_limit: 101 }, 'invalid_limit'],
      [{ p_limit: 0 }, 'invalid_limit'],
      [{ p_after_store_name: 'Bay' }, 'invalid_cursor'],
    ] as const) {
      const outcome = await callRpc(hr.client, 'training_report', args);
      expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.details]).toEqual([400, code]);
    }
  });
});
