/**
 * Read-only views of the phone's briefings and acknowledgements for Today and
 * a briefing's own screen (used with useLiveQuery, so screens re-render when
 * sync or a command changes a row).
 */
import type { FrontlineDb, LocalAck, LocalBriefing } from '../db';

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
