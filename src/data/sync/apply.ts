/**
 * Writing sync results into IndexedDB. A pulled page (rows, removals, the new
 * cursor) lands in one transaction, and so does the verdict on a pushed batch,
 * so a crash or a closed tab can never leave the cursor ahead of the data or an
 * outbox entry both sent and still waiting.
 */
import { CONTENT_TABLES, type FrontlineDb, type LocalAck, type OutboxEntry, readMeta } from '../db';
import type { SyncPullResult } from '../supabase/types';
import type { PushVerdict } from './push-plan';

export async function applyPullPage(db: FrontlineDb, page: SyncPullResult, now: Date, clockOffsetMs: number | null = null): Promise<void> {
  const tables = CONTENT_TABLES.map((name) => db[name]);
  await db.transaction('rw', [...tables, db.attempts, db.meta], async () => {
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
      // The server's copy of this person's attempts (same id as the phone's own): its score is the one that counts.
      db.attempts.bulkPut(page.attempts ?? []),
    ]);
    const attempts = page.attempts?.length ?? 0;
    const rows = page.briefings.length + page.value_cards.length + page.lessons.length + page.pulses.length + page.acks.length + attempts;
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
      clock_offset_ms: clockOffsetMs ?? meta.clock_offset_ms ?? null,
    });
  });
}

/** `sent` are the outbox entries of the batch the verdict answers (read once, not again here). */
export async function applyPushVerdict(db: FrontlineDb, verdict: PushVerdict, sent: readonly OutboxEntry[]): Promise<void> {
  const decided = [...verdict.confirmed, ...verdict.rejected.map((r) => r.id)];
  if (decided.length === 0) return;
  await db.transaction('rw', [db.outbox, db.acks, db.briefings, db.kudos, db.myFeedback], async () => {
    const byId = new Map(sent.map((entry) => [entry.id, entry]));
    const confirmed = verdict.confirmed.flatMap((id) => byId.get(id) ?? []);
    await db.outbox.bulkDelete(confirmed.map((entry) => entry.seq!));
    // The outbox entry holds everything the local ack row has: rewrite it whole (one put, no read).
    const confirmedAcks = confirmed.flatMap((entry) => (entry.type === 'ack' ? [confirmedAck(entry as OutboxEntry<'ack'>)] : []));
    if (confirmedAcks.length > 0) await db.acks.bulkPut(confirmedAcks);
    // Kudos and named feedback keep the outbox id on the server: the local row is now the server's.
    await markLocal(db, confirmed, undefined);
    const rejected = verdict.rejected.flatMap(({ id, code, message }) => {
      const entry = byId.get(id);
      return entry ? [{ entry, rejection: { code, message } }] : [];
    });
    if (rejected.length === 0) return;
    await db.outbox.bulkPut(rejected.map(({ entry, rejection }) => ({ ...entry, state: 'rejected' as const, rejection })));
    const rejectedAcks = rejected.filter(({ entry }) => entry.type === 'ack');
    if (rejectedAcks.length > 0) {
      await db.acks.bulkUpdate(rejectedAcks.map(({ entry }) => ({ key: entry.id, changes: { local_state: 'rejected' as const } })));
    }
    await markLocal(
      db,
      rejected.map(({ entry }) => entry),
      'rejected',
    );
    for (const { entry } of rejected) {
      if (entry.type === 'briefing') {
        await db.briefings.update((entry.payload as { briefing_id: string }).briefing_id, { local_state: 'rejected' });
      }
    }
  });
}

async function markLocal(db: FrontlineDb, entries: readonly OutboxEntry[], state: 'rejected' | undefined): Promise<void> {
  const changes = { local_state: state };
  const kudos = entries.filter((e) => e.type === 'kudos').map((e) => ({ key: e.id, changes }));
  const feedback = entries.filter((e) => e.type === 'feedback').map((e) => ({ key: e.id, changes }));
  if (kudos.length > 0) await db.kudos.bulkUpdate(kudos);
  if (feedback.length > 0) await db.myFeedback.bulkUpdate(feedback);
}

function confirmedAck(entry: OutboxEntry<'ack'>): LocalAck {
  const { briefing_id, version, content_hash, acked_at, language } = entry.payload;
  return { id: entry.id, briefing_id, version, content_hash, acked_at, language, received_at: acked_at, sync_seq: 0 };
}
