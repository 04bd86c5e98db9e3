/**
 * Pure rules for what a phone shows about briefings: which are live now, the
 * order on the Today screen, and whether the person's acknowledgement counts
 * for the version on screen (only an ack of that exact version and hash does).
 */
export interface BriefingLike {
  id: string;
  version: number;
  content_hash: string;
  priority: 'normal' | 'important' | 'critical';
  requires_ack: boolean;
  ack_due_at: string | null;
  publish_at: string;
  expires_at: string | null;
  /** Who wrote it: an author is never asked to acknowledge their own briefing. */
  author_id?: string | null;
}

export interface AckLike {
  briefing_id: string;
  version: number;
  content_hash: string;
  local_state?: 'pending' | 'rejected';
}

export type AckState = 'not_required' | 'acknowledged' | 'waiting' | 'rejected' | 'needed' | 'overdue';

export function isLive(briefing: Pick<BriefingLike, 'publish_at' | 'expires_at'>, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(briefing.publish_at) <= t && (briefing.expires_at === null || Date.parse(briefing.expires_at) > t);
}

/**
 * Whether this reader may open it yet: once its publish time has come (server time), or at any
 * time for its author, whose scheduled briefing is theirs to check. A phone holds scheduled
 * briefings early so they appear on time offline; nothing may show them before then.
 */
export function isOpenTo(briefing: Pick<BriefingLike, 'publish_at' | 'author_id'>, readerId: string | null, now: Date): boolean {
  return Date.parse(briefing.publish_at) <= now.getTime() || (readerId !== null && briefing.author_id === readerId);
}

/** Acks grouped by briefing, so checking a list of briefings stays linear. */
export function acksByBriefing<A extends AckLike>(acks: readonly A[]): Map<string, A[]> {
  const map = new Map<string, A[]>();
  for (const ack of acks) {
    const list = map.get(ack.briefing_id);
    if (list) list.push(ack);
    else map.set(ack.briefing_id, [ack]);
  }
  return map;
}

/** The acknowledgement that counts for the version on screen, if any (acks: this person's, any briefing). */
export function ackFor(briefing: BriefingLike, acks: readonly AckLike[]): AckLike | undefined {
  const matching = acks.filter((a) => a.briefing_id === briefing.id && a.version === briefing.version && a.content_hash === briefing.content_hash);
  return matching.find((a) => a.local_state === undefined) ?? matching.find((a) => a.local_state === 'pending') ?? matching[0];
}

/** Whether this reader is asked to acknowledge: an author is never asked to confirm reading their own briefing. */
export function asksAck(briefing: Pick<BriefingLike, 'requires_ack' | 'author_id'>, readerId: string | null): boolean {
  return briefing.requires_ack && (readerId === null || briefing.author_id !== readerId);
}

export function ackState(briefing: BriefingLike, acks: readonly AckLike[], now: Date, readerId: string | null = null): AckState {
  const ack = ackFor(briefing, acks);
  if (ack?.local_state === undefined && ack) return 'acknowledged';
  if (ack?.local_state === 'pending') return 'waiting';
  if (!asksAck(briefing, readerId)) return 'not_required';
  if (ack?.local_state === 'rejected') return 'rejected';
  if (briefing.ack_due_at !== null && Date.parse(briefing.ack_due_at) < now.getTime()) return 'overdue';
  return 'needed';
}

export const PRIORITY_RANK = { critical: 0, important: 1, normal: 2 } as const;

/** When acknowledgement is due, as a sortable number; no due date sorts last. */
export function dueTime(briefing: Pick<BriefingLike, 'ack_due_at'>): number {
  return briefing.ack_due_at ? Date.parse(briefing.ack_due_at) : Number.POSITIVE_INFINITY;
}

/**
 * The version the person acknowledged before the text changed, when the
 * version on screen still needs their acknowledgement: the screen then asks
 * again and shows what changed since.
 */
export function supersededAckVersion(briefing: BriefingLike, acks: readonly AckLike[]): number | null {
  let latest: number | null = null;
  for (const ack of acks) {
    if (ack.briefing_id !== briefing.id || ack.local_state === 'rejected' || ack.version >= briefing.version) continue;
    if (latest === null || ack.version > latest) latest = ack.version;
  }
  return latest;
}
