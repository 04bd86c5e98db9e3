import { describe, expect, it } from 'vitest';
import { type AuthoredLike, authoredOrder, sendState } from './send-state';

const base: AuthoredLike = { id: 'b1', version: 2, publish_at: '2026-11-22T08:00:00Z', updated_at: '2026-11-22T08:00:00Z' };

describe('sendState', () => {
  it('is "will send" while queued, "sent" at the server\'s version once confirmed', () => {
    expect(sendState({ ...base, version: 0, local_state: 'pending' }, [])).toEqual({ kind: 'will_send' });
    expect(sendState(base, [])).toEqual({ kind: 'sent', version: 2 });
  });

  it('a refused briefing shows its newest reason', () => {
    const rejections = [
      { briefing_id: 'b1', code: 'forbidden_audience', message: 'first' },
      { briefing_id: 'b2', code: 'x', message: 'other briefing' },
      { briefing_id: 'b1', code: 'version_conflict', message: 'now version 3' },
    ];
    expect(sendState({ ...base, local_state: 'rejected' }, rejections)).toEqual({ kind: 'rejected', code: 'version_conflict', message: 'now version 3' });
  });
});

describe('authoredOrder', () => {
  it('puts refused, then queued, then sent briefings first, newest first within each', () => {
    const rows = [
      { briefing: { ...base, id: 'sent-old', updated_at: '2026-11-20T00:00:00Z' }, state: { kind: 'sent', version: 1 } as const },
      { briefing: { ...base, id: 'queued' }, state: { kind: 'will_send' } as const },
      { briefing: { ...base, id: 'sent-new', updated_at: '2026-11-21T00:00:00Z' }, state: { kind: 'sent', version: 1 } as const },
      { briefing: { ...base, id: 'refused' }, state: { kind: 'rejected', code: 'x', message: 'y' } as const },
    ];
    expect(rows.sort(authoredOrder).map((r) => r.briefing.id)).toEqual(['refused', 'queued', 'sent-new', 'sent-old']);
  });
});
