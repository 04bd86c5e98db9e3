/**
 * Two phones of one person push at once. Their acknowledgements cross (one
 * phone oldest first, the other newest first, each under its own mutation
 * ids): Postgres must never deadlock them into refusals, and an error that a
 * retry would cure (deadlock, lock or statement timeout, too many connections)
 * fails the whole call with a 5xx the phone retries, never a per-item verdict.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, MutationResult } from '../../src/data/supabase/types';
import { statusForSqlState } from '../../supabase/local/postgrest-errors';
import { asUserInSql, createMember, createOrg, db, mutation, push, signIn, sql, type TestMember } from './support/fixtures';

const BRIEFINGS = 80;
const ROUNDS = 10;

let org: Awaited<ReturnType<typeof createOrg>>;
let author: TestMember;
let person: TestMember;

beforeAll(async () => {
  org = await createOrg();
  [author, person] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
  ]);
});

/** Briefings for the person to acknowledge, written straight to the database so each round starts fast. */
async function newBriefings(n: number): Promise<Array<{ id: string; version: number; content_hash: string }>> {
  return sql(
    `insert into public.briefings (id, org_id, author_id, kind, title, body, store_ids, requires_ack)
     select gen_random_uuid(), $1, $2, 'policy', 'Policy ' || i, 'Read this ' || i, array[$3::uuid], true
     from generate_series(1, $4) i
     returning id, version, content_hash`,
    [org.orgId, author.memberId, org.storeId, n],
  );
}

function acks(briefings: Array<{ id: string; version: number; content_hash: string }>): Mutation[] {
  return briefings.map((b) => mutation('ack', { briefing_id: b.id, version: b.version, content_hash: b.content_hash, acked_at: new Date().toISOString() }));
}

describe('two phones of one person', () => {
  it(`${ROUNDS} rounds of ${BRIEFINGS} crossing acknowledgements from two phones at once: each stored once, none refused`, async () => {
    const phoneA: SupabaseClient = person.client;
    const phoneB: SupabaseClient = await signIn(person.email);
    for (let round = 0; round < ROUNDS; round++) {
      const briefings = await newBriefings(BRIEFINGS);
      const ascending = acks(briefings);
      const descending = acks([...briefings].reverse());
      const [a, b] = await Promise.all([push(phoneA, ascending), push(phoneB, descending)]);
      const verdicts = [...a, ...b].map((r: MutationResult) => r.status);
      expect(
        verdicts.filter((s) => s === 'rejected'),
        `round ${round}: ${JSON.stringify([...a, ...b].find((r) => r.status === 'rejected'))}`,
      ).toEqual([]);
      expect(verdicts.filter((s) => s === 'applied')).toHaveLength(BRIEFINGS);
      const stored = await sql<{ briefing_id: string; n: number }>(
        `select briefing_id, count(*)::int as n from public.acknowledgements
         where member_id = $1 and briefing_id = any ($2::uuid[]) group by briefing_id`,
        [person.memberId, briefings.map((x) => x.id)],
      );
      expect(stored).toHaveLength(BRIEFINGS);
      expect(stored.every((row) => row.n === 1)).toBe(true);
    }
  }, 120_000);
});

describe('errors a retry would cure are not verdicts', () => {
  it('a lock timeout inside one mutation fails the whole call instead of refusing the item', async () => {
    const [briefing] = await newBriefings(1);
    const ack = acks([briefing!])[0]!;
    // Another session holds the same (briefing, member, version) uncommitted, so the insert must wait.
    const holder = await db().connect();
    try {
      await holder.query('begin');
      await holder.query(
        `insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at)
         values ($1, $2, $3, $4, $5, $6, now())`,
        [randomUUID(), org.orgId, briefing!.id, briefing!.version, briefing!.content_hash, person.memberId],
      );
      const outcome = await asUserInSql(person.userId, async (client) => {
        await client.query(`set local lock_timeout = '200ms'`);
        return client.query<{ r: { results: MutationResult[] } }>('select public.sync_push($1::jsonb) as r', [JSON.stringify([ack])]).then(
          (res) => ({ results: res.rows[0]!.r.results }),
          (error: { code?: string }) => ({ code: error.code }),
        );
      });
      expect(outcome).toEqual({ code: '55P03' });
    } finally {
      await holder.query('rollback');
      holder.release();
    }
  });

  it('the local API answers those errors with the status PostgREST gives them, all of which the phone retries', () => {
    const statuses = Object.fromEntries(['40001', '40P01', '55P03', '57014', '53300', '53400', '08006'].map((s) => [s, statusForSqlState(s, 'authenticated')]));
    expect(statuses).toEqual({ '40001': 500, '40P01': 500, '55P03': 500, '57014': 500, '53300': 503, '53400': 500, '08006': 503 });
  });
});
