import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ackState, acksByBriefing, isLive, todayOrder, type BriefingLike } from './briefing-status';

const now = new Date('2026-11-22T12:00:00Z');
function briefing(over: Partial<BriefingLike> = {}): BriefingLike {
  return {
    id: 'b1', version: 2, content_hash: 'h2', priority: 'normal', requires_ack: true, ack_due_at: null,
    publish_at: '2026-11-22T08:00:00Z', expires_at: null, ...over,
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
    fc.assert(fc.property(fc.array(fc.record({ briefing_id: fc.constantFrom('a', 'b', 'c'), version: fc.nat(3), content_hash: fc.constant('h') })), (acks) => {
      const map = acksByBriefing(acks);
      expect([...map.values()].flat()).toHaveLength(acks.length);
      for (const [id, list] of map) expect(list.every((a) => a.briefing_id === id)).toBe(true);
    }));
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

describe('todayOrder', () => {
  const arb = fc.array(fc.record({
    id: fc.uuid(), version: fc.constant(1), content_hash: fc.constant('h'),
    priority: fc.constantFrom('normal', 'important', 'critical'),
    requires_ack: fc.boolean(),
    ack_due_at: fc.option(fc.integer({ min: 0, max: 86_400_000 }).map((ms) => new Date(Date.parse('2026-11-22T00:00:00Z') + ms).toISOString()), { nil: null }),
    publish_at: fc.integer({ min: 0, max: 43_200_000 }).map((ms) => new Date(Date.parse('2026-11-22T00:00:00Z') + ms).toISOString()),
    expires_at: fc.constant(null),
  }), { maxLength: 30 });

  it('puts every open must-acknowledge item before every other item', () => {
    fc.assert(fc.property(arb, (items) => {
      const sorted = [...items].sort(todayOrder((b) => ackState(b, [], now)));
      const open = sorted.map((b) => b.requires_ack);
      const firstClosed = open.indexOf(false);
      return firstClosed === -1 || open.slice(firstClosed).every((o) => !o);
    }));
  });

  it('is a total order: sorting twice gives the same result whatever the input order', () => {
    fc.assert(fc.property(arb, (items) => {
      const once = [...items].sort(todayOrder((b) => ackState(b, [], now)));
      const again = [...items].reverse().sort(todayOrder((b) => ackState(b, [], now)));
      expect(again.map((b) => b.id)).toEqual(once.map((b) => b.id));
    }));
  });
});
