import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import type { RpcClient } from '../_shared/rpc-client';
import { drainPushQueue, outcomeOf, type PushClaim, type PushItem, retryAfterSeconds, vapidAuthorizer } from './sender';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push@frontline.test' };

function item(messageIds: string[], endpoint = 'https://push.example.com/send/1'): PushItem {
  const ecdh = createECDH('prime256v1');
  return {
    subscription_id: 'sub-1',
    endpoint,
    p256dh: ecdh.generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
    message_ids: messageIds,
    topic: '0123456789abcdef0123456789abcdef',
    urgency: 'normal',
    attempts: 0,
    payload: { v: 1, kind: 'briefing', title: 'T', url: '/briefings/x', tag: 'briefing:x', body: 'never sent' },
  };
}

/** A database that answers push_claim from a script and records every call. */
function scriptedDb(claims: PushClaim[]): RpcClient & { calls: { fn: string; args?: Record<string, unknown> }[] } {
  const calls: { fn: string; args?: Record<string, unknown> }[] = [];
  return {
    calls,
    rpc: async (fn, args) => {
      calls.push({ fn, args });
      if (fn === 'push_claim') return { data: claims.shift() ?? { claim: 'none', lease_until: '', items: [] }, error: null };
      return { data: {}, error: null };
    },
  };
}

describe('drainPushQueue', () => {
  it('never sends a message twice in one run, even when a claim comes round again', async () => {
    // A batch that outlived its lease: push_done found it stale and the next claim holds the same message.
    const db = scriptedDb([
      { claim: 'c1', lease_until: '', items: [item(['m1'])] },
      { claim: 'c2', lease_until: '', items: [item(['m1'])] },
    ]);
    const bodies: string[] = [];
    const report = await drainPushQueue({
      db,
      vapid,
      batchSize: 1,
      now: () => NOW,
      fetch: async (url) => {
        bodies.push(url);
        return { status: 201, headers: { get: () => null } };
      },
    });
    expect(bodies).toHaveLength(1);
    expect(report).toMatchObject({ claims: 2, sent: 2, duplicatesSkipped: 1 });
    const done = db.calls.filter((c) => c.fn === 'push_done').map((c) => c.args);
    expect(done).toHaveLength(2);
    expect(done).toEqual(
      expect.arrayContaining([
        { p_claim: 'c1', p_results: [{ subscription_id: 'sub-1', status: 'sent' }] },
        { p_claim: 'c2', p_results: [{ subscription_id: 'sub-1', status: 'sent' }] },
      ]),
    );
    expect(db.calls[0]?.fn).toBe('enqueue_due_reminders');
  });

  it('claims with two loops side by side, and sends a message the other loop already failed again', async () => {
    const db = scriptedDb([
      { claim: 'c1', lease_until: '', items: [item(['m1'])] },
      { claim: 'c2', lease_until: '', items: [item(['m2'])] },
      { claim: 'c3', lease_until: '', items: [item(['m1'])] },
    ]);
    let inFlight = 0;
    let mostInFlight = 0;
    const answers = [503, 201, 201];
    const report = await drainPushQueue({
      db,
      vapid,
      batchSize: 1,
      now: () => NOW,
      fetch: async () => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return { status: answers.shift() ?? 201, headers: { get: () => null } };
      },
    });
    // Both claims were on the wire together; m1 failed once, so its second claim sent it.
    expect(mostInFlight).toBe(2);
    expect(report).toMatchObject({ claims: 3, sent: 2, retried: 1, duplicatesSkipped: 0 });
  });

  it('claims again after a short batch (other senders held some devices), stopping only at an empty one', async () => {
    const db = scriptedDb([
      { claim: 'c1', lease_until: '', items: [item(['m1'])] },
      { claim: 'c2', lease_until: '', items: [item(['m2']), item(['m3'])] },
    ]);
    const report = await drainPushQueue({
      db,
      vapid,
      batchSize: 2,
      claimers: 1,
      now: () => NOW,
      fetch: async () => ({ status: 201, headers: { get: () => null } }),
    });
    expect(report).toMatchObject({ claims: 2, sent: 3 });
    expect(db.calls.filter((c) => c.fn === 'push_claim')).toHaveLength(3);
  });

  it('stops claiming at its deadline', async () => {
    const db = scriptedDb([{ claim: 'c1', lease_until: '', items: [item(['m1'])] }]);
    const report = await drainPushQueue({ db, vapid, now: () => NOW, deadline: NOW, fetch: async () => ({ status: 201, headers: { get: () => null } }) });
    expect(report.stoppedEarly).toBe(true);
    expect(db.calls.map((c) => c.fn)).toEqual(['enqueue_due_reminders']);
  });

  it('throws when the database refuses, so the scheduler sees the run fail', async () => {
    const db: RpcClient = { rpc: async () => ({ data: null, error: { message: 'permission denied' } }) };
    await expect(drainPushQueue({ db, vapid, fetch: async () => ({ status: 201, headers: { get: () => null } }) })).rejects.toThrow(
      'enqueue_due_reminders failed: permission denied',
    );
  });
});

describe('vapidAuthorizer', () => {
  it('signs one JWT per push service origin and renews it an hour before its 12 hours are up', () => {
    let now = NOW;
    const authorize = vapidAuthorizer(vapid, () => now);
    const first = authorize('https://push.example.com/send/1');
    expect(authorize('https://push.example.com/send/2')).toBe(first);
    const other = authorize('https://updates.push.services.example/wpush/v2/x');
    expect(other).not.toBe(first);
    const claims = (header: string) => {
      const jwt = /^vapid t=([^,]+), k=(.+)$/.exec(header);
      expect(jwt?.[2]).toBe(vapid.publicKey);
      return JSON.parse(Buffer.from(jwt![1]!.split('.')[1]!, 'base64url').toString()) as { aud: string; exp: number; sub: string };
    };
    expect(claims(first)).toEqual({ aud: 'https://push.example.com', exp: NOW / 1000 + 12 * 3600, sub: vapid.subject });
    expect(claims(other).aud).toBe('https://updates.push.services.example');

    now = NOW + 11 * 3600_000 - 1;
    expect(authorize('https://push.example.com/send/1')).toBe(first);
    now = NOW + 11 * 3600_000;
    const renewed = authorize('https://push.example.com/send/1');
    expect(renewed).not.toBe(first);
    expect(claims(renewed).exp).toBe(now / 1000 + 12 * 3600);
  });

  it('puts the same header on every request of a drain to one push service', async () => {
    const db = scriptedDb([{ claim: 'c1', lease_until: '', items: [item(['m1']), item(['m2'], 'https://push.example.com/send/2')] }]);
    const headers: string[] = [];
    await drainPushQueue({
      db,
      vapid,
      now: () => NOW,
      fetch: async (_url, init) => {
        headers.push(init.headers.Authorization ?? '');
        return { status: 201, headers: { get: () => null } };
      },
    });
    expect(headers).toHaveLength(2);
    expect(headers[0]).toMatch(/^vapid t=/);
    expect(headers[1]).toBe(headers[0]);
  });
});

describe('outcomeOf', () => {
  it.each([
    [201, null, { status: 'sent' }],
    [202, null, { status: 'sent' }],
    [404, null, { status: 'gone', error: 'HTTP 404' }],
    [410, null, { status: 'gone', error: 'HTTP 410' }],
    [429, '30', { status: 'retry', retry_after_seconds: 30, error: 'HTTP 429' }],
    [503, 'Sat, 05 Dec 2026 10:02:00 GMT', { status: 'retry', retry_after_seconds: 120, error: 'HTTP 503' }],
    [500, null, { status: 'retry', error: 'HTTP 500' }],
    [400, null, { status: 'retry', error: 'HTTP 400' }],
  ] as const)('%i (Retry-After %s) is %o', (status, retryAfter, expected) => {
    expect(outcomeOf('s', status, retryAfter, NOW)).toEqual({ subscription_id: 's', ...expected });
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds and dates, at least 1, and ignores what it cannot read', () => {
    expect(retryAfterSeconds('0', NOW)).toBe(1);
    expect(retryAfterSeconds(' 7 ', NOW)).toBe(7);
    expect(retryAfterSeconds('Sat, 05 Dec 2026 09:00:00 GMT', NOW)).toBe(1);
    expect(retryAfterSeconds('soon', NOW)).toBeUndefined();
    expect(retryAfterSeconds(null, NOW)).toBeUndefined();
  });
});
