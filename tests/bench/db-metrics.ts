/**
 * db.* figures: the RPC functions timed from a pg client as the calling user
 * (role authenticated, their JWT claims), against Bench Retail. Each figure is
 * the median round trip of the call statement alone; session setup, per-run
 * fixtures and result checks stay outside the measured span. The exception is
 * sync_push, timed through its commit: acknowledgements are tallied for the
 * compliance report at commit (ack_tallies migration), and that is part of a push.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Mutation, MutationResult } from '../../src/data/supabase/types';
import { type BenchContext, DEFAULT_RUNS, DEFAULT_WARMUPS, type Metric, type MetricGroup, medianOf, metric, progress, timed } from './measure';
import { asUser, rawQuery } from './user-session';

const PAGE = 500;
const PENDING_LIMIT = 200;

export const dbMetrics: MetricGroup = {
  name: 'db',
  async run(context) {
    const client = await context.pool.connect();
    try {
      return [await syncPullPage(context, client), await syncPush500Acks(context, client), await briefingAckSummary(context, client)];
    } finally {
      client.release();
    }
  },
};

/** Rows in one sync_pull answer: every list the page can fill. */
export function pageRows(page: Record<string, unknown>): number {
  return ['briefings', 'value_cards', 'lessons', 'pulses', 'acks', 'removed'].reduce(
    (sum, key) => sum + (Array.isArray(page[key]) ? (page[key] as unknown[]).length : 0),
    0,
  );
}

async function syncPullPage({ org }: BenchContext, client: PoolClient): Promise<Metric> {
  progress(`db.sync_pull_page_ms: sync_pull(0, ${PAGE}) as ${org.staff.email}`);
  const ms = await medianOf('db.sync_pull_page_ms', async () => {
    const { ms, result } = await asUser(client, org.staff.userId, () =>
      timed(() => client.query<{ r: string }>(rawQuery('select public.sync_pull(0, $1) as r', [PAGE]))),
    );
    const page = JSON.parse(result.rows[0]!.r) as Record<string, unknown>;
    // A short page would flatter the figure: the 500 policies guarantee a full one.
    if (pageRows(page) !== PAGE || page.has_more !== true) {
      throw new Error(`sync_pull page has ${pageRows(page)} rows (has_more ${String(page.has_more)}), expected a full page of ${PAGE}`);
    }
    return ms;
  });
  return metric('db.sync_pull_page_ms', ms, 'ms', 25);
}

async function syncPush500Acks({ pool, org }: BenchContext, client: PoolClient): Promise<Metric> {
  // A member who has acknowledged nothing yet per run, so every ack is a real insert.
  const runs = DEFAULT_RUNS + DEFAULT_WARMUPS;
  const { rows: pushers } = await pool.query<{ user_id: string }>(
    `with users as (
       insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                               confirmation_token, recovery_token, email_change, email_change_token_new)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              'push.' || gen_random_uuid() || '@bench.test', '', now(), '{"provider": "email", "providers": ["email"]}',
              '{}', now(), now(), '', '', '', ''
       from generate_series(1, $2::int)
       returning id, email)
     insert into public.members (user_id, org_id, store_id, department_id, role, display_name, email)
     select u.id, $1, s.id, d.id, 'staff', 'Bench pusher ' || left(u.email, 13), u.email
     from users u
     cross join lateral (select id from public.stores where org_id = $1 order by random() limit 1) s
     cross join lateral (select id from public.departments where org_id = $1 order by random() limit 1) d
     returning user_id`,
    [org.orgId, runs],
  );
  progress(`db.sync_push_500_acks_ms: sync_push of ${org.policies.length} acks, a fresh member each run`);
  const ms = await medianOf('db.sync_push_500_acks_ms', async (i) => {
    const pusher = pushers[i];
    if (!pusher) throw new Error('not enough fresh members for sync_push runs');
    const ackedAt = new Date().toISOString();
    const mutations = org.policies.map(
      (p): Mutation => ({
        id: randomUUID(),
        type: 'ack',
        payload: { briefing_id: p.id, version: p.version, content_hash: p.contentHash, acked_at: ackedAt },
        created_at: ackedAt,
      }),
    );
    const { ms, result } = await timed(() =>
      asUser(client, pusher.user_id, () => client.query<{ r: string }>(rawQuery('select public.sync_push($1::jsonb) as r', [JSON.stringify(mutations)])), {
        commit: true,
      }),
    );
    const { results } = JSON.parse(result.rows[0]!.r) as { results: MutationResult[] };
    const applied = results.filter((r) => r.status === 'applied').length;
    if (applied !== mutations.length) {
      const other = results.find((r) => r.status !== 'applied');
      throw new Error(`sync_push applied ${applied} of ${mutations.length} acks; e.g. ${JSON.stringify(other)}`);
    }
    return ms;
  });
  return metric('db.sync_push_500_acks_ms', ms, 'ms', 150);
}

async function briefingAckSummary({ org }: BenchContext, client: PoolClient): Promise<Metric> {
  const briefing = org.policies[0]!;
  progress(`db.briefing_ack_summary_ms: briefing_ack_status(<org-wide policy>, ${PENDING_LIMIT}) as ${org.hr.email}`);
  const ms = await medianOf('db.briefing_ack_summary_ms', async () => {
    const { ms, result } = await asUser(client, org.hr.userId, () =>
      timed(() => client.query<{ r: string }>(rawQuery('select public.briefing_ack_status($1, $2) as r', [briefing.id, PENDING_LIMIT]))),
    );
    const status = JSON.parse(result.rows[0]!.r) as { total: number; acked: number; pending: unknown[] };
    // The whole organisation is the audience; anything less is not the measured case.
    if (status.total < 49_000 || status.pending.length !== PENDING_LIMIT) {
      throw new Error(`briefing_ack_status covered ${status.total} members with ${status.pending.length} pending listed`);
    }
    return ms;
  });
  return metric('db.briefing_ack_summary_ms', ms, 'ms', 100);
}
