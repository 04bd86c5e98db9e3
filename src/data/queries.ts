/**
 * Read-only views of the phone's data for screens (used with useLiveQuery, so
 * screens re-render when sync or a command changes a row).
 */
import type { FrontlineDb, LocalAck, LocalBriefing, OutboxEntry, SyncMeta } from './db';
import { readMeta } from './db';

export function allBriefings(db: FrontlineDb): Promise<LocalBriefing[]> {
  return db.briefings.toArray();
}

export function allAcks(db: FrontlineDb): Promise<LocalAck[]> {
  return db.acks.toArray();
}

/** One briefing, opened by its address; undefined when the phone does not hold it. */
export function oneBriefing(db: FrontlineDb, id: string): Promise<LocalBriefing | undefined> {
  return db.briefings.get(id);
}

export function acksOf(db: FrontlineDb, briefingId: string): Promise<LocalAck[]> {
  return db.acks.where('briefing_id').equals(briefingId).toArray();
}

export function syncMeta(db: FrontlineDb): Promise<SyncMeta> {
  return readMeta(db);
}

export interface OutboxSummary {
  waiting: number;
  rejected: OutboxEntry[];
}

export async function outboxSummary(db: FrontlineDb): Promise<OutboxSummary> {
  const [waiting, rejected] = await Promise.all([
    db.outbox.where('state').equals('waiting').count(),
    db.outbox.where('state').equals('rejected').toArray(),
  ]);
  return { waiting, rejected };
}
