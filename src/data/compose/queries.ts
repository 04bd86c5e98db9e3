/**
 * Read-only views for the Briefings tab (used with useLiveQuery): the
 * briefings this person wrote, each with where it stands. sync_pull returns a
 * member's own briefings even outside their audience, so the phone's copy is
 * the whole list, offline too.
 */
import { authoredOrder, type BriefingRejection, type SendState, sendState } from '../../domain/send-state';
import type { FrontlineDb, LocalBriefing, OutboxEntry } from '../db';

export interface AuthoredBriefing {
  briefing: LocalBriefing;
  state: SendState;
}

export async function authoredBriefings(db: FrontlineDb, memberId: string): Promise<AuthoredBriefing[]> {
  const [briefings, rejected] = await Promise.all([
    db.briefings.filter((b) => b.author_id === memberId).toArray(),
    db.outbox.where('state').equals('rejected').toArray(),
  ]);
  const rejections = rejected.filter(isBriefingEntry).map(
    (entry): BriefingRejection => ({
      briefing_id: entry.payload.briefing_id,
      code: entry.rejection?.code ?? 'unknown',
      message: entry.rejection?.message ?? '',
    }),
  );
  return briefings.map((briefing) => ({ briefing, state: sendState(briefing, rejections) })).sort(authoredOrder);
}

function isBriefingEntry(entry: OutboxEntry): entry is OutboxEntry<'briefing'> {
  return entry.type === 'briefing';
}
