/**
 * Anonymous feedback is not traceable through the briefing it cites. Tried as
 * the attacker: a manager sends a briefing to a single person, that person
 * answers it anonymously, and the manager reads the inbox. A link is kept only
 * when at least 5 people of the sender's store could have cited the briefing;
 * the phone learns a briefing's audience is narrow from sync_pull, so the form
 * can say the link will be dropped before sending.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { FeedbackInboxItem } from '../../src/data/supabase/types';
import { createMember, DEMO, mutation, publishBriefing, pullBriefings, push, SEED, signIn, sql, type TestMember } from './support/fixtures';

let manager: SupabaseClient;

beforeAll(async () => {
  manager = await signIn(DEMO.managerDowntown);
});

/** A department of Downtown with exactly `n` fresh members, and a briefing the manager sends only to it. */
async function crew(n: number): Promise<{ members: TestMember[]; briefingId: string }> {
  const [dept] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, $2) returning id`, [
    SEED.org,
    `Crew ${randomUUID().slice(0, 6)}`,
  ]);
  const members = await Promise.all(Array.from({ length: n }, () => createMember({ storeId: SEED.downtown, departmentId: dept!.id })));
  const briefingId = await publishBriefing(manager, { store_ids: [SEED.downtown], department_ids: [dept!.id], title: `For crew of ${n}` });
  return { members, briefingId };
}

async function sendAnonymous(member: TestMember, briefingId: string): Promise<string> {
  const body = `Anonymous ${randomUUID()}`;
  const [result] = await push(member.client, [mutation('feedback', { kind: 'concern', recipient: 'store', body, anonymous: true, briefing_id: briefingId })]);
  expect(result?.status).toBe('applied');
  return body;
}

async function inboxItem(body: string): Promise<FeedbackInboxItem | undefined> {
  const outcome = await callRpc(manager, 'feedback_inbox', {});
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data.find((item) => item.body === body);
}

describe('anonymous feedback citing a briefing', () => {
  it('a briefing sent to one person: the anonymous reply reaches the inbox with no link, and none is stored', async () => {
    const {
      members: [only],
      briefingId,
    } = await crew(1);
    const body = await sendAnonymous(only!, briefingId);
    const item = await inboxItem(body);
    expect(item).toMatchObject({ is_anonymous: true, briefing_id: null, briefing_title: null });
    const [stored] = await sql<{ briefing_id: string | null }>('select briefing_id from public.feedback where body = $1', [body]);
    expect(stored?.briefing_id).toBeNull();
  });

  it('a link already stored before this rule is hidden in every read path', async () => {
    const { briefingId } = await crew(1);
    const body = `Stored earlier ${randomUUID()}`;
    const [row] = await sql<{ id: string }>(
      `insert into public.feedback (org_id, store_id, recipient, kind, body, briefing_id, author_id, is_anonymous, created_at, status)
       values ($1, $2, 'store', 'concern', $3, $4, null, true, date_trunc('day', now()), 'answered') returning id`,
      [SEED.org, SEED.downtown, body, briefingId],
    );
    await sql(`insert into public.feedback_replies (feedback_id, author_id, body, is_public) values ($1, $2, 'Noted', true)`, [
      row!.id,
      '3e000000-0000-4000-8000-000000000002',
    ]);
    expect(await inboxItem(body)).toMatchObject({ briefing_id: null, briefing_title: null });
    const board = await callRpc(manager, 'store_board', { p_store_id: SEED.downtown });
    expect(board.ok && JSON.stringify(board.data.find((b) => b.body === body))).not.toContain(briefingId);
  });

  it('fewer than 5 people of the store could have cited it: dropped; 5 or more: kept', async () => {
    const small = await crew(3);
    const wide = await crew(5);
    const hidden = await inboxItem(await sendAnonymous(small.members[0]!, small.briefingId));
    const kept = await inboxItem(await sendAnonymous(wide.members[0]!, wide.briefingId));
    expect(hidden).toMatchObject({ briefing_id: null, briefing_title: null });
    expect(kept).toMatchObject({ briefing_id: wide.briefingId, briefing_title: 'For crew of 5' });
  });

  it('named feedback keeps its link whatever the audience', async () => {
    const {
      members: [only],
      briefingId,
    } = await crew(1);
    const body = `Named ${randomUUID()}`;
    await push(only!.client, [mutation('feedback', { kind: 'question', recipient: 'store', body, anonymous: false, briefing_id: briefingId })]);
    expect(await inboxItem(body)).toMatchObject({ is_anonymous: false, briefing_id: briefingId });
  });

  it('the phone learns from sync_pull which briefings are too narrow to cite anonymously', async () => {
    const small = await crew(1);
    const wide = await crew(5);
    const pulledSmall = (await pullBriefings(small.members[0]!.client)).find((b) => b.id === small.briefingId);
    const pulledWide = (await pullBriefings(wide.members[0]!.client)).find((b) => b.id === wide.briefingId);
    expect(pulledSmall?.narrow_audience).toBe(true);
    expect(pulledWide?.narrow_audience).toBe(false);
  });
});
