/**
 * Writing sync results into IndexedDB. A pulled page (rows, removals, the new
 * cursor) lands in one transaction, and so does the verdict on a pushed batch,
 * so a crash or a closed tab can never leave the cursor ahead of the data or an
 * outbox entry both sent and still waiting.
 */
import { CONTENT_TABLES, readMeta, type FrontlineDb } from '../db';
import type { SyncPullResult } from '../supabase/types';
import type { PushVerdict } from './push-plan';

export async function applyPullPage(db: FrontlineDb, page: SyncPullResult, now: Date): Promise<void> {
  const tables = CONTENT_TABLES.map((name) => db[name]);
  await db.transaction('rw', [...tables, db.meta], async () => {
    const meta = await readMeta(db);
    if (page.removed.length > 0) {
      await Promise.all(tables.map((table) => table.bulkDelete(page.removed)));
    }
    await Promise.all([
      db.briefings.bulkPut(page.briefings),
      db.valueCards.bulkPut(page.value_cards),
      db.lessons.bulkPut(page.lessons),
      db.pulses.bulkPut(page.pulses),
      db.acks.bulkPut(page.acks),
    ]);
    const rows = page.briefings.length + page.value_cards.length + page.lessons.length + page.pulses.length + page.acks.length;
    const starting = meta.cursor === 0 || page.reset === true;
    const firstSync = page.reset
      ? { done: 0, total: null }
      : starting || meta.first_sync
        ? { done: (meta.first_sync?.done ?? 0) + rows, total: page.total ?? meta.first_sync?.total ?? null }
        : null;
    const done = !page.has_more && !page.reset;
    await db.meta.put({
      key: 'sync',
      cursor: page.reset ? 0 : page.cursor,
      me: page.me,
      last_synced_at: done ? now.toISOString() : meta.last_synced_at,
      first_sync: done ? null : firstSync,
    });
  });
}

export async function applyPushVerdict(db: FrontlineDb, verdict: PushVerdict): Promise<void> {
  await db.transaction('rw', [db.outbox, db.acks, db.briefings], async () => {
    const confirmed = await db.outbox.where('id').anyOf(verdict.confirmed).toArray();
    await db.outbox.where('id').anyOf(verdict.confirmed).delete();
    for (const entry of confirmed) {
      if (entry.type === 'ack') await db.acks.update(entry.id, { local_state: undefined });
    }
    for (const { id, code, message } of verdict.rejected) {
      const entry = await db.outbox.where('id').equals(id).first();
      if (!entry) continue;
      await db.outbox.update(entry.seq!, { state: 'rejected', rejection: { code, message } });
      if (entry.type === 'ack') await db.acks.update(id, { local_state: 'rejected' });
      if (entry.type === 'briefing') {
        await db.briefings.update((entry.payload as { briefing_id: string }).briefing_id, { local_state: 'rejected' });
      }
    }
  });
}
