/**
 * Read-only views of the phone's voice data for screens (used with
 * useLiveQuery): my named feedback, my store's "you said, we did" board, the
 * pulses synced to this phone, the briefings feedback can be about, and the
 * cached compose directory a pulse's audience is picked from.
 */
import { isOpenTo } from '../../domain/briefing-status';
import { type FrontlineDb, type LocalFeedback, readMeta } from '../db';
import type { Pulse, StoreBoardItem } from '../supabase/types';
import { serverNow } from '../sync/server-clock';

/** Newest first, the ones still waiting to send included. */
export async function myFeedbackItems(db: FrontlineDb): Promise<LocalFeedback[]> {
  return await db.myFeedback.orderBy('created_at').reverse().toArray();
}

/** Latest public reply first, as the server orders the board. */
export async function storeBoardItems(db: FrontlineDb): Promise<StoreBoardItem[]> {
  const items = await db.board.toArray();
  // biome-ignore lint/complexity/useMathMinMax: created_at is an ISO timestamp string; Math.max would turn it into NaN.
  const latest = (item: StoreBoardItem) => item.replies.reduce((max, r) => (r.created_at > max ? r.created_at : max), '');
  return items.sort((a, b) => latest(b).localeCompare(latest(a)) || b.created_on.localeCompare(a.created_on));
}

export function pulsesOnPhone(db: FrontlineDb): Promise<Pulse[]> {
  return db.pulses.toArray();
}

export interface BriefingChoice {
  id: string;
  title: string;
  /** Anonymous feedback citing it arrives without the link: fewer than 5 people can read it. */
  narrowAudience: boolean;
}

/**
 * Briefings the server sent to this phone (not drafts waiting to send) that are published by
 * server time, newest first: what feedback can be about. A scheduled one is not named before its time.
 */
export async function briefingChoices(db: FrontlineDb, deviceNow: number = Date.now()): Promise<BriefingChoice[]> {
  const [{ me, clock_offset_ms }, rows] = await Promise.all([readMeta(db), db.briefings.orderBy('publish_at').reverse().toArray()]);
  const now = serverNow(deviceNow, clock_offset_ms);
  return rows
    .filter((b) => b.local_state === undefined && isOpenTo(b, me?.member_id ?? null, now))
    .map((b) => ({ id: b.id, title: b.title, narrowAudience: b.narrow_audience === true }));
}
