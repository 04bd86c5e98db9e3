/**
 * The voice copies kept on the phone beside sync_pull: my named feedback with
 * its replies (my_feedback) and my store's "you said, we did" board
 * (store_board), and the count of open items in a manager's inbox (inbox_open). Refreshed after a sync and when the Voice tab opens online;
 * read offline. Feedback written on this phone and not yet confirmed (pending)
 * or refused (rejected) is kept until the server has it, so nothing the person
 * wrote disappears from their list. A failed refresh keeps the copy it has.
 */
import type { FrontlineDb } from '../db';
import type { OnlineApi, RefreshOutcome } from '../online-api';
import type { MemberProfile } from '../supabase/types';

export async function refreshMyFeedback(db: FrontlineDb, api: OnlineApi): Promise<RefreshOutcome> {
  const outcome = await api.call('my_feedback', {});
  if (!outcome.ok) return outcome;
  const fromServer = outcome.data;
  await db.transaction('rw', db.myFeedback, async () => {
    const known = new Set(fromServer.map((item) => item.id));
    const unconfirmed = await db.myFeedback.filter((item) => item.local_state !== undefined && !known.has(item.id)).toArray();
    await db.myFeedback.clear();
    await db.myFeedback.bulkPut([...fromServer, ...unconfirmed]);
  });
  return { ok: true };
}

export async function refreshStoreBoard(db: FrontlineDb, api: OnlineApi): Promise<RefreshOutcome> {
  const outcome = await api.call('store_board', {});
  if (!outcome.ok) return outcome;
  await db.transaction('rw', db.board, async () => {
    await db.board.clear();
    await db.board.bulkPut(outcome.data);
  });
  return { ok: true };
}

/** The open items in a manager's or HR's inbox, for the Voice tab's count; kept so it shows offline and at start. */
export async function refreshInboxCount(db: FrontlineDb, api: OnlineApi, now: () => Date): Promise<RefreshOutcome> {
  const outcome = await api.call('feedback_open_count', {});
  if (!outcome.ok) return outcome;
  await db.counts.put({ key: 'inbox_open', count: outcome.data, fetched_at: now().toISOString() });
  return { ok: true };
}

/** The board is a store's: staff and managers who belong to one (HR at head office have none). */
export function hasStoreBoard(me: MemberProfile): boolean {
  return me.store !== null && (me.role === 'staff' || me.role === 'manager');
}
