/**
 * db.shift_start_storm: the start of a shift, when every phone syncs at once.
 * 2,000 staff of Bench Retail each pull what changed since yesterday (sync_pull
 * pages until has_more is false) and push 5 acknowledgements of policies they
 * have not acknowledged yet (sync_push, committed), over 32 concurrent
 * connections. The pull and the push are two transactions, as two API calls
 * are. Prints syncs per second and p95 latency of one sync (pull + push); the
 * pass condition is zero errors (failed calls and refused acknowledgements) and
 * zero deadlocks.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Mutation, MutationResult } from '../../src/data/supabase/types';
import { type BenchContext, type MetricGroup, metric, progress } from './measure';
import { asUser, rawQuery } from './user-session';

const MEMBERS = 2_000;
const CONNECTIONS = 32;
const ACKS_PER_SYNC = 5;
const PAGE = 500;

interface Syncer {
  user_id: string;
  policies: Array<{ id: string; version: number; content_hash: string }>;
}

interface Tally {
  latencies: number[];
  errors: number;
  deadlocks: number;
  firstError: string | null;
}

export const stormMetrics: MetricGroup = {
  name: 'storm',
  async run(context) {
    const { syncers, cursor } = await prepare(context);
    const pool = new pg.Pool({ connectionString: poolUrl(context), max: CONNECTIONS, application_name: 'frontline-bench-storm' });
    pool.on('error', (error) => progress(`storm connection lost: ${error.message}`));
    const tally: Tally = { latencies: [], errors: 0, deadlocks: 0, firstError: null };
    progress(`db.shift_start_storm: ${syncers.length} members pull since cursor ${cursor} and push ${ACKS_PER_SYNC} acks, ${CONNECTIONS} connections`);
    const started = performance.now();
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          const client = await pool.connect();
          try {
            for (let i = next++; i < syncers.length; i = next++) await syncOnce(client, syncers[i]!, cursor, tally);
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    const seconds = (performance.now() - started) / 1000;
    progress(
      `db.shift_start_storm: ${tally.latencies.length} syncs in ${seconds.toFixed(1)} s, ${tally.errors} errors, ${tally.deadlocks} deadlocks` +
        (tally.firstError ? `; first error: ${tally.firstError}` : ''),
    );
    return [
      metric('db.shift_start_storm', tally.errors, 'errors', 0),
      metric('db.shift_start_storm_deadlocks', tally.deadlocks, 'deadlocks', 0),
      metric('db.shift_start_storm_syncs_per_s', tally.latencies.length / seconds, 'syncs/s', null, 'higher'),
      metric('db.shift_start_storm_p95_ms', percentile(tally.latencies, 0.95), 'ms', null),
    ];
  },
};

/** The storm's members (not the accounts other figures use), each with 5 policies still to acknowledge, and yesterday's cursor. */
async function prepare({ pool, org }: BenchContext): Promise<{ syncers: Syncer[]; cursor: number }> {
  // Members other figures acknowledged everything as (the db group adds some) are passed over, not counted.
  const { rows: syncers } = await pool.query<Syncer>(
    `select m.user_id, p.policies
     from public.members m
     cross join lateral (
       select coalesce(json_agg(json_build_object('id', b.id, 'version', b.version, 'content_hash', b.content_hash)), '[]') as policies
       from (select b.id, b.version, b.content_hash from public.briefings b
             where b.org_id = m.org_id and b.requires_ack and cardinality(b.store_ids) = 0 and b.retracted_at is null
               and not exists (select 1 from public.acknowledgements k
                               where k.briefing_id = b.id and k.member_id = m.id and k.version = b.version)
             order by b.sync_seq desc limit $3) b) p
     where m.org_id = $1 and m.role = 'staff' and m.active and m.id <> $2 and json_array_length(p.policies) = $3
     order by m.id limit $4`,
    [org.orgId, org.staff.memberId, ACKS_PER_SYNC, MEMBERS],
  );
  if (syncers.length !== MEMBERS || syncers.some((s) => s.policies.length !== ACKS_PER_SYNC)) {
    throw new Error(`Bench Retail has too few staff with ${ACKS_PER_SYNC} unacknowledged policies for the storm`);
  }
  const {
    rows: [mark],
  } = await pool.query<{ cursor: string }>(
    `select coalesce(max(sync_seq), 0) as cursor from public.briefings where org_id = $1 and publish_at < now() - interval '1 day'`,
    [org.orgId],
  );
  return { syncers, cursor: Number(mark!.cursor) };
}

async function syncOnce(client: pg.PoolClient, syncer: Syncer, cursor: number, tally: Tally): Promise<void> {
  const start = performance.now();
  try {
    let at = cursor;
    for (;;) {
      const page = await asUser(client, syncer.user_id, () => client.query<{ r: string }>(rawQuery('select public.sync_pull($1, $2)::text as r', [at, PAGE])));
      const { cursor: nextCursor, has_more: more } = JSON.parse(page.rows[0]!.r) as { cursor: number; has_more: boolean };
      at = nextCursor;
      if (!more) break;
    }
    const ackedAt = new Date().toISOString();
    const mutations = syncer.policies.map(
      (p): Mutation => ({
        id: randomUUID(),
        type: 'ack',
        created_at: ackedAt,
        payload: { briefing_id: p.id, version: p.version, content_hash: p.content_hash, acked_at: ackedAt },
      }),
    );
    const pushed = await asUser(
      client,
      syncer.user_id,
      () => client.query<{ r: string }>(rawQuery('select public.sync_push($1::jsonb)::text as r', [JSON.stringify(mutations)])),
      { commit: true },
    );
    const { results } = JSON.parse(pushed.rows[0]!.r) as { results: MutationResult[] };
    const refused = results.filter((r) => r.status !== 'applied');
    if (refused.length > 0) {
      tally.errors += refused.length;
      tally.firstError ??= `refused: ${JSON.stringify(refused[0])}`;
    }
    tally.latencies.push(performance.now() - start);
  } catch (error) {
    tally.errors += 1;
    if ((error as { code?: string }).code === '40P01') tally.deadlocks += 1;
    tally.firstError ??= error instanceof Error ? error.message : String(error);
  }
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** The owner's connection string the shared pool was made with. */
function poolUrl({ pool }: BenchContext): string {
  const { connectionString } = pool.options as { connectionString?: string };
  if (!connectionString) throw new Error('the bench pool has no connection string');
  return connectionString;
}
