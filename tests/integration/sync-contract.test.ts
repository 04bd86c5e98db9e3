/**
 * The sync contract suite against the real sync_pull and sync_push, called through
 * supabase-js exactly as the app calls them. Each test gets its own organisation,
 * so what the member sees is only what the test made; content is written as the
 * database owner, as an author's push or HR's edit would leave it.
 */

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { supabaseSyncApi } from '../../src/data/sync/supabase-api';
import { type Audience, describeSyncContract } from '../../src/data/sync/testing/sync-contract-suite';
import { createMember, createOrg, sql } from './support/fixtures';

/**
 * sync_pull hands out only rows below the high-water mark (every older transaction
 * ended); other test files' open transactions can hold it back for a moment, and
 * the suite counts rows exactly, so a write returns once it is there to pull.
 */
async function untilPullable(seqs: string[]): Promise<void> {
  const highest = seqs.reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
  while (!(await sql<{ ok: boolean }>('select private.sync_high_water() > $1::bigint as ok', [highest]))[0]!.ok) await sleep(20);
}

describeSyncContract('the local stack', async () => {
  const { orgId, storeId, departmentId } = await createOrg();
  const [other] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'Europe/London') returning id`, [orgId]);
  const author = await createMember({ orgId, storeId, departmentId, role: 'manager', manages: [storeId, other!.id] });
  const member = await createMember({ orgId, storeId, departmentId });
  let home = storeId;
  let published = 0;

  function storeIdsFor(audience: Audience): string[] {
    if (audience === 'everyone') return [];
    return [audience === 'my store' ? home : home === storeId ? other!.id : storeId];
  }

  return {
    api: supabaseSyncApi(member.client),
    memberId: member.memberId,
    now: () => Date.now(),
    async addBriefings(count, audience) {
      const ids: string[] = [];
      const seqs: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        const [row] = await sql<{ sync_seq: string }>(
          `insert into public.briefings (id, org_id, author_id, title, body, store_ids, requires_ack)
           values ($1, $2, $3, $4, 'Please read this.', $5, true) returning sync_seq`,
          [id, orgId, author.memberId, `Briefing ${++published}`, storeIdsFor(audience)],
        );
        ids.push(id);
        seqs.push(row!.sync_seq);
      }
      await untilPullable(seqs);
      return ids;
    },
    async editBriefing(id, { title, body, translation = null }) {
      const rows = await sql<{ sync_seq: string }>(
        `update public.briefings set title = $2, body = $3, translation_language = $4, translation_title = $5, translation_body = $6
         where id = $1 returning sync_seq`,
        [id, title, body, translation?.language ?? null, translation?.title ?? null, translation?.body ?? null],
      );
      await untilPullable(rows.map((r) => r.sync_seq));
    },
    async retractBriefing(id) {
      const rows = await sql<{ sync_seq: string }>('update public.briefings set retracted_at = now() where id = $1 returning sync_seq', [id]);
      await untilPullable(rows.map((r) => r.sync_seq));
    },
    async moveToAnotherStore() {
      home = home === storeId ? other!.id : storeId;
      const rows = await sql<{ sync_seq: string }>('update public.members set store_id = $2 where id = $1 returning sync_seq', [member.memberId, home]);
      await untilPullable(rows.map((r) => r.sync_seq));
    },
    async closeAccount() {
      await sql('update public.members set active = false where id = $1', [member.memberId]);
    },
  };
});
