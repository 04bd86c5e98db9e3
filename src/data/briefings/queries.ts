/**
 * Read-only views of the phone's briefings and acknowledgements for Today and
 * a briefing's own screen (used with useLiveQuery, so screens re-render when
 * sync or a command changes a row).
 */
import { includesMember } from '../../domain/reach';
import { planToday } from '../../domain/today-plan';
import { type FrontlineDb, type LocalAck, type LocalBriefing, readMeta } from '../db';
import { storeTimeZone } from '../store-time-zone';
import type { MemberProfile } from '../supabase/types';
import { serverNow } from '../sync/server-clock';

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

/** Briefings a member wrote reach their phone even outside the audience; Today shows only their own audience's. */
export function isForMe(briefing: LocalBriefing, me: MemberProfile | null): boolean {
  if (briefing.local_state === 'pending') return false;
  if (!me || briefing.author_id !== me.member_id) return true;
  return includesMember(briefing, { store_id: me.store?.id ?? null, department_id: me.department?.id ?? null, role: me.role });
}

/** How many briefings Today shows as still to acknowledge (its counter's open ones), in the store's time zone. */
export async function countToAcknowledge(db: FrontlineDb, deviceNow: number): Promise<number> {
  const [{ me, clock_offset_ms }, briefings, acks] = await Promise.all([readMeta(db), allBriefings(db), allAcks(db)]);
  const timeZone = storeTimeZone(me);
  // Server time, as Today plans with (use-minute-clock), so the badge and Today's count agree on a wrong clock.
  const { counter } = planToday(
    briefings.filter((b) => isForMe(b, me)),
    acks,
    serverNow(deviceNow, clock_offset_ms),
    timeZone,
    { readerId: me?.member_id ?? null },
  );
  return counter.left;
}
