/**
 * The database side of the browser tests: the demo accounts and ids from
 * supabase/seed.sql, briefings made directly in SQL as the database owner (so a
 * test owns its content and never depends on another file's), the
 * acknowledgements Postgres really stored, and clean-up by retraction (which
 * also removes the briefings from phones at their next pull).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'frontline-demo';

export const DEMO = {
  alex: 'alex@demo.test',
  sam: 'sam@demo.test',
} as const;

/** Fixed ids from supabase/seed.sql. */
export const SEED = {
  org: '0a000000-0000-4000-8000-000000000001',
  downtown: '5a000000-0000-4000-8000-000000000001',
  salesFloor: 'de000000-0000-4000-8000-000000000001',
  checkout: 'de000000-0000-4000-8000-000000000002',
  managerDowntownMember: '3e000000-0000-4000-8000-000000000002',
  alexMember: '3e000000-0000-4000-8000-000000000004',
  samMember: '3e000000-0000-4000-8000-000000000005',
} as const;

export interface BriefingSpec {
  title: string;
  body?: string;
  requiresAck?: boolean;
  /** Defaults to everyone in Downtown. */
  departmentIds?: string[];
}

export interface AckRow {
  id: string;
  briefing_id: string;
  version: number;
  content_hash: string;
}

/** One connection per test file; close() it in afterAll. */
export class DemoDb {
  private readonly pool: pg.Pool;
  private readonly created: string[] = [];

  constructor(databaseUrl: string = inject('e2e').databaseUrl) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }

  /** Briefings from Downtown's manager to Downtown, live since a minute ago; returns their ids in order. */
  async createBriefings(specs: readonly BriefingSpec[]): Promise<string[]> {
    const ids = specs.map(() => randomUUID());
    await this.pool.query(
      `insert into public.briefings (id, org_id, author_id, title, body, store_ids, department_ids, requires_ack, publish_at)
       select b.id, $2, $3, b.title, b.body, array[$4::uuid], b.department_ids, b.requires_ack, now() - interval '1 minute'
       from jsonb_to_recordset($1::jsonb) as b(id uuid, title text, body text, department_ids uuid[], requires_ack boolean)`,
      [
        JSON.stringify(
          specs.map((spec, i) => ({
            id: ids[i],
            title: spec.title,
            body: spec.body ?? `Body of ${spec.title}.`,
            department_ids: spec.departmentIds ?? [],
            requires_ack: spec.requiresAck ?? true,
          })),
        ),
        SEED.org,
        SEED.managerDowntownMember,
        SEED.downtown,
      ],
    );
    this.created.push(...ids);
    return ids;
  }

  /** Changes a briefing's text as its author would; the server makes it a new version. */
  async editBody(briefingId: string, body: string): Promise<void> {
    await this.pool.query('update public.briefings set body = $2 where id = $1', [briefingId, body]);
  }

  /** Moves a briefing's publish time (server clock) by this many minutes from now: later schedules it, earlier publishes it. */
  async publishIn(briefingId: string, minutes: number): Promise<void> {
    await this.pool.query('update public.briefings set publish_at = now() + make_interval(mins => $2) where id = $1', [briefingId, minutes]);
  }

  /** The content hash of each version of a briefing, by version number. */
  async versionHashes(briefingId: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ version: number; content_hash: string }>(
      'select version, content_hash from public.briefing_versions where briefing_id = $1',
      [briefingId],
    );
    return new Map(rows.map((r) => [r.version, r.content_hash]));
  }

  /** Every acknowledgement this member has for these briefings, as stored. */
  async acks(memberId: string, briefingIds: readonly string[]): Promise<AckRow[]> {
    const { rows } = await this.pool.query<AckRow>(
      `select a.id, a.briefing_id, a.version, a.content_hash from public.acknowledgements a
       where a.member_id = $1 and a.briefing_id = any($2::uuid[]) order by a.briefing_id`,
      [memberId, briefingIds],
    );
    return rows;
  }

  /** How many acks each briefing has from this member (0 included), keyed by briefing id. */
  async ackCounts(memberId: string, briefingIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(briefingIds.map((id) => [id, 0]));
    for (const row of await this.acks(memberId, briefingIds)) counts.set(row.briefing_id, (counts.get(row.briefing_id) ?? 0) + 1);
    return counts;
  }

  /** The member's UI locale as stored. */
  async memberLocale(memberId: string): Promise<string> {
    const { rows } = await this.pool.query<{ locale: string }>('select locale from public.members where id = $1', [memberId]);
    return rows[0]!.locale;
  }

  /** Sets a member's UI locale directly (tests that switch language put it back with this). */
  async setMemberLocale(memberId: string, locale: 'en' | 'es'): Promise<void> {
    await this.pool.query('update public.members set locale = $2 where id = $1 and locale <> $2', [memberId, locale]);
  }

  /** This member's Web Push subscriptions as stored: their endpoints. */
  async pushEndpoints(memberId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ endpoint: string }>('select endpoint from public.push_subscriptions where member_id = $1 order by endpoint', [
      memberId,
    ]);
    return rows.map((r) => r.endpoint);
  }

  /** How many in a Downtown briefing's audience, its author not among them, have not acknowledged its current version and have no push subscription. */
  async pendingWithoutPush(briefingId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `select count(*)::int as n
       from public.briefings b
       join public.members m on m.org_id = b.org_id and m.active and m.store_id = any (b.store_ids)
       where b.id = $1
         and m.id is distinct from b.author_id
         and (cardinality(b.department_ids) = 0 or m.department_id = any (b.department_ids))
         and not exists (select 1 from public.acknowledgements a where a.briefing_id = b.id and a.version = b.version and a.member_id = m.id)
         and not exists (select 1 from public.push_subscriptions s where s.member_id = m.id)`,
      [briefingId],
    );
    return rows[0]!.n;
  }

  /** Marks what is queued about a briefing as sent, as the sender's push_done would (no sender runs here). */
  async markPushSent(refId: string): Promise<number> {
    const { rowCount } = await this.pool.query('update private.push_queue set sent_at = now() where ref_id = $1 and sent_at is null', [refId]);
    return rowCount ?? 0;
  }

  /** Deletes a push subscription, as the server does when the push service answers 404/410. */
  async forgetPushEndpoint(endpoint: string): Promise<void> {
    await this.pool.query('delete from public.push_subscriptions where endpoint = $1', [endpoint]);
  }

  /** The test notifications queued for this push endpoint (send_test_push), oldest first, as stored. */
  async queuedTests(endpoint: string): Promise<Array<{ url: string; urgent: boolean; due: boolean }>> {
    const { rows } = await this.pool.query<{ url: string; urgent: boolean; due: boolean }>(
      `select q.url, q.urgent, q.not_before <= now() as due from private.push_queue q
       join public.push_subscriptions s on s.id = q.subscription_id
       where s.endpoint = $1 and q.kind = 'test' order by q.created_at, q.id`,
      [endpoint],
    );
    return rows;
  }

  /** Retracts what this file created (acknowledgements are append-only and stay), then closes the pool. */
  async close(): Promise<void> {
    try {
      if (this.created.length > 0) {
        await this.pool.query('update public.briefings set retracted_at = now() where id = any($1::uuid[]) and retracted_at is null', [this.created]);
      }
    } finally {
      await this.pool.end();
    }
  }
}

/** A title no other test (or earlier run against the same database) uses. */
export function uniqueTitle(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}
