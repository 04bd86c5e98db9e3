import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ackState, acksByBriefing, type BriefingLike, isLive, isOpenTo, supersededAckVersion } from './briefing-status';

const now = new Date('2026-11-22T12:00:00Z');
function briefing(over: Partial<BriefingLike> = {}): BriefingLike {
  return {
    id: 'b1',
    version: 2,
    content_hash: 'h2',
    priority: 'normal',
    requires_ack: true,
    ack_due_at: null,
    publish_at: '2026-11-22T08:00:00Z',
    expires_at: null,
    ...over,
  };
}

describe('isLive', () => {
  it('hides scheduled and expired briefings', () => {
    expect(isLive(briefing(), now)).toBe(true);
    expect(isLive(briefing({ publish_at: '2026-11-22T13:00:00Z' }), now)).toBe(false);
    expect(isLive(briefing({ expires_at: '2026-11-22T11:59:59Z' }), now)).toBe(false);
  });
});

describe('acksByBriefing', () => {
  it('groups without losing or inventing acks', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ briefing_id: fc.constantFrom('a', 'b', 'c'), version: fc.nat(3), content_hash: fc.constant('h') })), (acks) => {
        const map = acksByBriefing(acks);
        expect([...map.values()].flat()).toHaveLength(acks.length);
        for (const [id, list] of map) expect(list.every((a) => a.briefing_id === id)).toBe(true);
      }),
    );
  });
});

describe('ackState', () => {
  it('only an ack of the exact version and hash counts', () => {
    const b = briefing();
    expect(ackState(b, [{ briefing_id: 'b1', version: 1, content_hash: 'h1' }], now)).toBe('needed');
    expect(ackState(b, [{ briefing_id: 'b1', version: 2, content_hash: 'other' }], now)).toBe('needed');
    expect(ackState(b, [{ briefing_id: 'b1', version: 2, content_hash: 'h2' }], now)).toBe('acknowledged');
  });

  it('distinguishes waiting, rejected and overdue', () => {
    const b = briefing({ ack_due_at: '2026-11-22T11:00:00Z' });
    expect(ackState(b, [], now)).toBe('overdue');
    expect(ackState(b, [{ briefing_id: 'b1', version: 2, content_hash: 'h2', local_state: 'pending' }], now)).toBe('waiting');
    expect(ackState(b, [{ briefing_id: 'b1', version: 2, content_hash: 'h2', local_state: 'rejected' }], now)).toBe('rejected');
    expect(ackState(briefing({ requires_ack: false }), [], now)).toBe('not_required');
  });
});

describe('supersededAckVersion', () => {
  const current = briefing({ version: 3, content_hash: 'h3' });

  it('names the newest earlier version the person acknowledged', () => {
    const acks = [
      { briefing_id: 'b1', version: 1, content_hash: 'h1' },
      { briefing_id: 'b1', version: 2, content_hash: 'h2' },
      { briefing_id: 'other', version: 2, content_hash: 'x' },
    ];
    expect(supersededAckVersion(current, acks)).toBe(2);
  });

  it('ignores refused acks, acks of other briefings and of the current version', () => {
    expect(supersededAckVersion(current, [])).toBeNull();
    expect(supersededAckVersion(current, [{ briefing_id: 'b1', version: 2, content_hash: 'h2', local_state: 'rejected' }])).toBeNull();
    expect(supersededAckVersion(current, [{ briefing_id: 'b1', version: 3, content_hash: 'h3' }])).toBeNull();
    expect(supersededAckVersion(current, [{ briefing_id: 'other', version: 1, content_hash: 'h1' }])).toBeNull();
  });

  it('counts an ack still waiting to send: the person did read that version', () => {
    expect(supersededAckVersion(current, [{ briefing_id: 'b1', version: 1, content_hash: 'h1', local_state: 'pending' }])).toBe(1);
  });
});

describe('isOpenTo', () => {
  const scheduled = briefing({ publish_at: '2026-11-22T15:00:00Z', author_id: 'author' });
  it('keeps a scheduled briefing closed to readers until its time, and open to its author', () => {
    expect(isOpenTo(scheduled, 'reader', now)).toBe(false);
    expect(isOpenTo(scheduled, null, now)).toBe(false);
    expect(isOpenTo(scheduled, 'author', now)).toBe(true);
    expect(isOpenTo(scheduled, 'reader', new Date('2026-11-22T15:00:00Z'))).toBe(true);
  });
});
