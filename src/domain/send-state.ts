/**
 * Where a briefing the person wrote stands: queued on this phone ("will
 * send"), confirmed by the server at some version ("sent"), or refused with
 * the server's reason. Pure, so the list and its tests agree.
 */
export type SendState = { kind: 'will_send' } | { kind: 'sent'; version: number } | { kind: 'rejected'; code: string; message: string };

export interface AuthoredLike {
  id: string;
  version: number;
  local_state?: 'pending' | 'rejected';
  publish_at: string;
  updated_at: string;
}

export interface BriefingRejection {
  briefing_id: string;
  code: string;
  message: string;
}

/** `rejections` oldest first: the newest refusal of a briefing is the one shown. */
export function sendState(briefing: AuthoredLike, rejections: readonly BriefingRejection[]): SendState {
  if (briefing.local_state === 'pending') return { kind: 'will_send' };
  if (briefing.local_state === 'rejected') {
    const last = rejections.filter((r) => r.briefing_id === briefing.id).at(-1);
    return { kind: 'rejected', code: last?.code ?? 'unknown', message: last?.message ?? '' };
  }
  return { kind: 'sent', version: briefing.version };
}

const STATE_RANK: Record<SendState['kind'], number> = { rejected: 0, will_send: 1, sent: 2 };

/** Problems first, then what is still queued, then the rest; newest first within each. */
export function authoredOrder<B extends AuthoredLike>(a: { briefing: B; state: SendState }, b: { briefing: B; state: SendState }): number {
  return (
    STATE_RANK[a.state.kind] - STATE_RANK[b.state.kind] ||
    b.briefing.updated_at.localeCompare(a.briefing.updated_at) ||
    a.briefing.id.localeCompare(b.briefing.id)
  );
}
