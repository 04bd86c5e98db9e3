/**
 * What Postgres says about briefings a test sent through the app: the rows
 * with a title, and who in a briefing's audience has not acknowledged its
 * current version, computed here in plain SQL (not through the app's RPCs).
 */

import pg from 'pg';
import { inject } from 'vitest';

export interface BriefingRow {
  id: string;
  version: number;
  requires_ack: boolean;
  ack_due_at: Date | null;
  store_ids: string[];
  retracted_at: Date | null;
}

export class BriefingDb {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string = inject('e2e').databaseUrl) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }

  async titled(title: string): Promise<BriefingRow[]> {
    const { rows } = await this.pool.query<BriefingRow>(
      'select id, version, requires_ack, ack_due_at, store_ids::text[] as store_ids, retracted_at from public.briefings where title = $1',
      [title],
    );
    return rows;
  }

  /** Active members with this store. */
  async membersAt(storeId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from public.members where store_id = $1 and active', [storeId]);
    return rows[0]!.n;
  }

  /** Active members of the organisation who work in a store (head office has none). */
  async membersInStores(orgId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'select count(*)::int as n from public.members where org_id = $1 and store_id is not null and active',
      [orgId],
    );
    return rows[0]!.n;
  }

  /** Names, by store then name, of active audience members, the author not among them, without an acknowledgement of the current version. */
  async notAcknowledged(briefingId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ display_name: string }>(
      `select m.display_name
       from public.briefings b
       join public.members m on m.org_id = b.org_id and m.active and m.store_id is not null
       join public.stores s on s.id = m.store_id
       where b.id = $1
         and m.id is distinct from b.author_id
         and (cardinality(b.store_ids) = 0 or m.store_id = any (b.store_ids))
         and (cardinality(b.department_ids) = 0 or m.department_id = any (b.department_ids))
         and (cardinality(b.roles) = 0 or m.role = any (b.roles))
         and not exists (select 1 from public.acknowledgements a
                         where a.briefing_id = b.id and a.version = b.version and a.member_id = m.id)
       order by s.name, m.display_name`,
      [briefingId],
    );
    return rows.map((r) => r.display_name);
  }

  /** Retracts what these titles left behind (a failed test), then closes the pool. */
  async close(titles: readonly string[]): Promise<void> {
    try {
      await this.pool.query('update public.briefings set retracted_at = now() where title = any($1::text[]) and retracted_at is null', [titles]);
    } finally {
      await this.pool.end();
    }
  }
}
