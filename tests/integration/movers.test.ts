/**
 * Movers (issue 12, item 4): a member moved to another store or department (an
 * update of public.members) gets, at their phone's next pull, `reset` with
 * `removed` listing what only the old audience could see (including what was
 * retracted or archived while the phone was away), then from cursor 0 what the
 * new audience sees. Someone else's phone sees no change. Each test makes its own
 * organisation, so nothing here depends on the demo data or other files.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { SyncPullResult } from '../../src/data/supabase/types';
import { createMember, createOrg, pullAll, sql } from './support/fixtures';

/** sync_pull hands out only rows below the high-water mark; wait until the last write is there to pull. */
async function untilPullable(): Promise<void> {
  const [{ seq }] = (await sql<{ seq: string }>('select private.next_sync_seq()::text as seq')) as [{ seq: string }];
  while (!(await sql<{ ok: boolean }>('select private.sync_high_water() > $1::bigint as ok', [seq]))[0]!.ok) await sleep(20);
}

async function world() {
  const { orgId, storeId: harbour, departmentId: floor } = await createOrg();
  const [quay] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'Europe/London') returning id`, [orgId]);
  const [tills] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Tills') returning id`, [orgId]);
  const author = await createMember({ orgId, storeId: null, departmentId: null, role: 'hr' });
  async function briefing(title: string, audience: { stores?: string[]; departments?: string[] }): Promise<string> {
    const id = randomUUID();
    await sql(
      `insert into public.briefings (id, org_id, author_id, title, body, store_ids, department_ids, requires_ack)
       values ($1, $2, $3, $4, 'Read me.', $5, $6, true)`,
      [id, orgId, author.memberId, title, audience.stores ?? [], audience.departments ?? []],
    );
    return id;
  }
  async function lesson(title: string, departments: string[]): Promise<string> {
    const id = randomUUID();
    await sql(`insert into public.lessons (id, org_id, title, department_ids) values ($1, $2, $3, $4)`, [id, orgId, title, departments]);
    return id;
  }
  return { orgId, harbour: harbour, quay: quay!.id, floor, tills: tills!.id, briefing, lesson };
}

const briefingIds = (pages: SyncPullResult[]) => pages.flatMap((p) => p.briefings.map((b) => b.id));
const removedIds = (pages: SyncPullResult[]) => pages.flatMap((p) => p.removed);

describe('a member moved to another store', () => {
  it("drops the old store's briefings (one retracted while the phone was away too) and brings the new store's; a colleague sees no change", async () => {
    const w = await world();
    const mover = await createMember({ orgId: w.orgId, storeId: w.harbour, departmentId: w.floor });
    const colleague = await createMember({ orgId: w.orgId, storeId: w.harbour, departmentId: w.floor });
    const everyone = await w.briefing('Everyone', {});
    const harbourShift = await w.briefing('Harbour shift', { stores: [w.harbour] });
    const harbourOld = await w.briefing('Harbour notice', { stores: [w.harbour] });
    const quayShift = await w.briefing('Quay shift', { stores: [w.quay] });
    await untilPullable();
    const moverBefore = await pullAll(mover.client);
    const colleagueBefore = await pullAll(colleague.client);
    expect(briefingIds(moverBefore.pages).sort()).toEqual([everyone, harbourShift, harbourOld].sort());

    // While the mover's phone is away: a Harbour briefing is retracted, then the move.
    await sql('update public.briefings set retracted_at = now() where id = $1', [harbourOld]);
    await sql('update public.members set store_id = $1 where id = $2', [w.quay, mover.memberId]);
    await untilPullable();

    const next = await pullAll(mover.client, 500, moverBefore.cursor);
    const [reset] = next.pages;
    expect(reset?.reset).toBe(true);
    expect(reset?.me.store?.id).toBe(w.quay);
    expect(new Set(reset?.removed)).toEqual(new Set([harbourShift, harbourOld]));
    // Then from 0: everything the new audience sees, nothing of the old store.
    expect(briefingIds(next.pages.slice(1)).sort()).toEqual([everyone, quayShift].sort());
    const settled = await pullAll(mover.client, 500, next.cursor);
    expect(settled.pages.some((p) => p.reset)).toBe(false);

    // The colleague who stayed: no reset, nothing of theirs removed but the retracted one.
    const colleagueNext = await pullAll(colleague.client, 500, colleagueBefore.cursor);
    expect(colleagueNext.pages.some((p) => p.reset)).toBe(false);
    expect(removedIds(colleagueNext.pages)).toEqual([harbourOld]);
    expect(briefingIds(colleagueNext.pages)).toEqual([]);
  });
});

describe('a member moved to another department', () => {
  it("drops the old department's briefings and lessons and brings the new one's", async () => {
    const w = await world();
    const mover = await createMember({ orgId: w.orgId, storeId: w.harbour, departmentId: w.floor });
    const stayer = await createMember({ orgId: w.orgId, storeId: w.harbour, departmentId: w.floor });
    const floorBriefing = await w.briefing('Floor plan', { departments: [w.floor] });
    const tillsBriefing = await w.briefing('Till float', { departments: [w.tills] });
    const floorLesson = await w.lesson('Greeting', [w.floor]);
    const tillsLesson = await w.lesson('Refunds', [w.tills]);
    const archivedLesson = await w.lesson('Old ladders', [w.floor]);
    await untilPullable();
    const before = await pullAll(mover.client);
    const stayerBefore = await pullAll(stayer.client);
    expect(before.pages.flatMap((p) => p.lessons.map((l) => l.id)).sort()).toEqual([floorLesson, archivedLesson].sort());

    await sql('update public.lessons set archived_at = now() where id = $1', [archivedLesson]);
    await sql('update public.members set department_id = $1 where id = $2', [w.tills, mover.memberId]);
    await untilPullable();

    const next = await pullAll(mover.client, 500, before.cursor);
    expect(next.pages[0]?.reset).toBe(true);
    expect(new Set(next.pages[0]?.removed)).toEqual(new Set([floorBriefing, floorLesson, archivedLesson]));
    expect(briefingIds(next.pages)).toEqual([tillsBriefing]);
    expect(next.pages.flatMap((p) => p.lessons.map((l) => l.id))).toEqual([tillsLesson]);

    const stayerNext = await pullAll(stayer.client, 500, stayerBefore.cursor);
    expect(stayerNext.pages.some((p) => p.reset)).toBe(false);
    expect(removedIds(stayerNext.pages)).toEqual([archivedLesson]);
    expect(stayerNext.pages.flatMap((p) => p.lessons)).toEqual([]);
  });
});
