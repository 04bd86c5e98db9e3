/**
 * sync_push: idempotent by mutation id, each mutation alone, bad input refused
 * with a stable code and nothing written.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { Mutation } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, DEMO, mutation, publishBriefing, push, SEED, signIn, sql, type TestMember } from './support/fixtures';

let member: TestMember;
let manager: SupabaseClient;

beforeAll(async () => {
  manager = await signIn(DEMO.managerDowntown);
  member = await createMember({ storeId: SEED.downtown, departmentId: SEED.checkout });
});

async function factCounts(memberId: string): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>>(
    `select (select count(*)::int from public.acknowledgements where member_id = $1) as acks,
            (select count(*)::int from public.lesson_attempts where member_id = $1) as attempts,
            (select count(*)::int from public.kudos where from_member_id = $1) as kudos,
            (select count(*)::int from public.feedback where author_id = $1) as feedback,
            (select count(*)::int from public.pulse_participation where member_id = $1) as pulses`,
    [memberId],
  );
  return row!;
}

describe('replaying a batch', () => {
  it('the same batch sent three times leaves the same rows', async () => {
    const briefingId = await publishBriefing(manager, { store_ids: [SEED.downtown] });
    const v = await briefingVersion(briefingId);
    const batch: Mutation[] = [
      ackOf(briefingId, v),
      mutation('kudos', { to_member_id: SEED.samMember, message: 'Thanks for covering lane 3' }),
      mutation('feedback', { kind: 'suggestion', recipient: 'store', body: 'More baskets by the door', anonymous: false }),
      mutation('lesson_attempt', {
        lesson_id: SEED.lessonLifting,
        lesson_version: 1,
        answers: { q1: ['b'], q2: ['a', 'c'] },
        started_at: new Date(Date.now() - 90_000).toISOString(),
        completed_at: new Date().toISOString(),
      }),
      mutation('pulse_response', { pulse_id: SEED.pulse, score: 8, comment: 'Good team' }),
    ];
    const first = await push(member.client, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const after = await factCounts(member.memberId);
    expect(after).toEqual({ acks: 1, attempts: 1, kudos: 1, feedback: 1, pulses: 1 });
    // Answers wait in a private buffer until their pulse has 5, so count stored and buffered ones.
    const pulseAnswers = `select (select count(*)::int from public.pulse_responses where pulse_id = $1)
                               + (select count(*)::int from private.pulse_answer_buffer where pulse_id = $1) as n`;
    const [pulseRows] = await sql<{ n: number }>(pulseAnswers, [SEED.pulse]);

    for (let i = 0; i < 2; i++) {
      const replay = await push(member.client, batch);
      expect(replay.map((r) => [r.id, r.status])).toEqual(batch.map((m) => [m.id, 'duplicate']));
    }
    expect(await factCounts(member.memberId)).toEqual(after);
    const [pulseRowsAfter] = await sql<{ n: number }>(pulseAnswers, [SEED.pulse]);
    expect(pulseRowsAfter!.n).toBe(pulseRows!.n);
  });

  it('a second acknowledgement of the same version under a new id counts once', async () => {
    const briefingId = await publishBriefing(manager, { store_ids: [SEED.downtown] });
    const v = await briefingVersion(briefingId);
    const results = await push(member.client, [ackOf(briefingId, v), ackOf(briefingId, v)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(await sql('select 1 from public.acknowledgements where briefing_id = $1', [briefingId])).toHaveLength(1);
  });

  it('a lesson attempt is scored by the server, not the phone', async () => {
    const m = mutation('lesson_attempt', {
      lesson_id: SEED.lessonLifting,
      lesson_version: 1,
      answers: { q1: ['a'], q2: ['a', 'c'] },
      started_at: new Date(Date.now() - 60_000).toISOString(),
      completed_at: new Date().toISOString(),
    });
    (m.payload as Record<string, unknown>).score = 100;
    expect((await push(member.client, [m]))[0]?.status).toBe('applied');
    expect(await sql('select score, passed from public.lesson_attempts where id = $1', [m.id])).toEqual([{ score: 50, passed: false }]);
  });
});

describe('each mutation succeeds or fails alone', () => {
  it('one bad mutation in a batch is rejected, the others applied', async () => {
    const briefingId = await publishBriefing(manager, { store_ids: [SEED.downtown] });
    const v = await briefingVersion(briefingId);
    const good1 = ackOf(briefingId, v);
    const bad = mutation('kudos', { to_member_id: randomUUID(), message: 'to nobody' });
    const good2 = mutation('feedback', { kind: 'praise', recipient: 'head_office', body: 'Great training', anonymous: false });
    const results = await push(member.client, [good1, bad, good2]);
    expect(results).toEqual([
      { id: good1.id, status: 'applied' },
      { id: bad.id, status: 'rejected', code: 'unknown_member', message: 'No active colleague with this id' },
      { id: good2.id, status: 'applied' },
    ]);
    expect(await sql('select 1 from public.kudos where id = $1', [bad.id])).toHaveLength(0);
    expect(await sql('select 1 from private.applied_mutations where id = $1', [bad.id])).toHaveLength(0);
  });

  it('a rejected mutation replayed is rejected again, not marked duplicate', async () => {
    const bad = mutation('kudos', { to_member_id: member.memberId, message: 'me' });
    expect((await push(member.client, [bad]))[0]).toMatchObject({ status: 'rejected', code: 'self_kudos' });
    expect((await push(member.client, [bad]))[0]).toMatchObject({ status: 'rejected', code: 'self_kudos' });
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a non-uuid id', { id: 'x', type: 'kudos', payload: {} }, 'invalid_type'],
    ['an unknown type', { id: randomUUID(), type: 'teleport', payload: {} }, 'unknown_type'],
    ['a payload that is not an object', { id: randomUUID(), type: 'ack', payload: 'yes' }, 'invalid_payload'],
    ['a number where text belongs', { id: randomUUID(), type: 'feedback', payload: { kind: 'praise', recipient: 'store', body: 42 } }, 'invalid_type'],
    ['text where a number belongs', { id: randomUUID(), type: 'pulse_response', payload: { pulse_id: SEED.pulse, score: 'ten' } }, 'invalid_type'],
    ['an out-of-range score', { id: randomUUID(), type: 'pulse_response', payload: { pulse_id: SEED.pulse, score: 11 } }, 'out_of_range'],
    [
      'an unknown briefing',
      { id: randomUUID(), type: 'ack', payload: { briefing_id: randomUUID(), version: 1, content_hash: 'a'.repeat(64), acked_at: new Date().toISOString() } },
      'unknown_briefing',
    ],
    [
      'an unknown lesson',
      {
        id: randomUUID(),
        type: 'lesson_attempt',
        payload: { lesson_id: randomUUID(), lesson_version: 1, answers: {}, started_at: new Date().toISOString(), completed_at: new Date().toISOString() },
      },
      'unknown_lesson',
    ],
    [
      'a quiz answer naming an unknown option',
      {
        id: randomUUID(),
        type: 'lesson_attempt',
        payload: {
          lesson_id: SEED.lessonLifting,
          lesson_version: 1,
          answers: { q1: ['z'], q2: ['a'] },
          started_at: new Date().toISOString(),
          completed_at: new Date().toISOString(),
        },
      },
      'invalid_answers',
    ],
    [
      'an unanswered quiz question',
      {
        id: randomUUID(),
        type: 'lesson_attempt',
        payload: {
          lesson_id: SEED.lessonLifting,
          lesson_version: 1,
          answers: { q1: ['b'] },
          started_at: new Date().toISOString(),
          completed_at: new Date().toISOString(),
        },
      },
      'incomplete_attempt',
    ],
    [
      'feedback over 4,000 characters',
      { id: randomUUID(), type: 'feedback', payload: { kind: 'concern', recipient: 'store', body: 'x'.repeat(4001) } },
      'too_long',
    ],
    ['an empty kudos message', { id: randomUUID(), type: 'kudos', payload: { to_member_id: SEED.samMember, message: '   ' } }, 'too_short'],
    [
      'a malformed timestamp',
      { id: randomUUID(), type: 'ack', payload: { briefing_id: SEED.returnsPolicy, version: 1, content_hash: 'a'.repeat(64), acked_at: 'yesterday' } },
      'invalid_type',
    ],
  ];

  it.each(cases)('%s is rejected', async (_name, raw, code) => {
    const before = await factCounts(member.memberId);
    const outcome = await callRpc(member.client, 'sync_push', { p_mutations: [raw as Mutation] });
    expect(outcome.ok).toBe(true);
    const [result] = outcome.ok ? outcome.data.results : [];
    expect(result).toMatchObject({ status: 'rejected', code });
    expect(result?.message).toMatch(/\w{3,}/);
    expect(await factCounts(member.memberId)).toEqual(before);
  });

  it('a briefing body over 20,000 characters is refused', async () => {
    const [result] = await push(manager, [
      mutation('briefing', {
        action: 'publish',
        briefing_id: randomUUID(),
        title: 'Long',
        body: 'y'.repeat(20_001),
        store_ids: [SEED.downtown],
      }),
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'too_long' });
  });

  it('501 mutations are refused whole', async () => {
    const briefingId = await publishBriefing(manager, { store_ids: [SEED.downtown] });
    const v = await briefingVersion(briefingId);
    const batch = Array.from({ length: 501 }, () => ackOf(briefingId, v));
    const outcome = await callRpc(member.client, 'sync_push', { p_mutations: batch });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.details]).toEqual([400, 'batch_too_large']);
    expect(await sql('select 1 from public.acknowledgements where briefing_id = $1', [briefingId])).toHaveLength(0);
  });

  it('a batch that is not an array is refused', async () => {
    const outcome = await callRpc(member.client, 'sync_push', { p_mutations: { id: 1 } as unknown as Mutation[] });
    expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.details]).toEqual([400, 'invalid_batch']);
  });

  it("unknown RPC arguments answer 404 in PostgREST's shape", async () => {
    const { error, status } = await member.client.rpc('sync_push', { p_wrong: [] });
    expect(status).toBe(404);
    expect(error?.code).toBe('PGRST202');
  });
});
