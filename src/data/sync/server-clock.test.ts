import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, serverNow } from './server-clock';

describe('server clock', () => {
  it('the offset is the server time minus the middle of the round trip', () => {
    expect(clockOffsetMs('2026-11-22T10:00:00.000Z', Date.parse('2026-11-21T09:59:59.000Z'), Date.parse('2026-11-21T10:00:01.000Z'))).toBe(86_400_000);
    expect(clockOffsetMs('not a time', 0, 0)).toBeNull();
  });

  it('device now plus the offset gives the server time back, whatever the skew', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 10_000 }), (skew, rtt) => {
        const server = Date.parse('2026-11-22T10:00:00Z');
        const sentAt = server - skew - rtt / 2;
        const offset = clockOffsetMs(new Date(server).toISOString(), sentAt, sentAt + rtt)!;
        expect(Math.abs(serverNow(sentAt + rtt / 2, offset).getTime() - server)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('with no offset learned yet, the device clock is all there is', () => {
    expect(serverNow(1_000, null).getTime()).toBe(1_000);
  });
});
