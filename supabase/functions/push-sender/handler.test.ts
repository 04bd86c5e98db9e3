import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import type { RpcClient } from '../_shared/rpc-client';
import { GENERATION_HEADER, MAX_GENERATION, PUSH_SENDER_NAME, type PushSenderRuntime, pushSender } from './handler';
import type { PushItem } from './sender';

const vapid = webpush.generateVAPIDKeys();
const SERVICE_KEY = 'service-role-key';
const URL_BASE = 'https://project.supabase.test';
const keys = (() => {
  const ecdh = createECDH('prime256v1');
  return { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
})();

/**
 * A queue of `devices` due devices that push_claim hands out in full batches, a push
 * service that accepts everything, and the function's own address routed back to the
 * handler, as the platform would: every call and everything sent is recorded.
 */
function platform(devices: number, devicesPerRun: number) {
  let next = 0;
  const sent: string[] = [];
  const calls: number[] = [];
  const background: Promise<unknown>[] = [];
  const logs: string[] = [];
  const db: RpcClient = {
    rpc: async (fn, args) => {
      if (fn !== 'push_claim') return { data: {}, error: null };
      const take = Math.min(Number(args?.p_limit), devices - next);
      const items: PushItem[] = Array.from({ length: take }, () => {
        const n = next++;
        return {
          subscription_id: `sub-${n}`,
          endpoint: `https://push.example.com/send/${n}`,
          ...keys,
          message_ids: [`m-${n}`],
          topic: 'a'.repeat(32),
          urgency: 'normal',
          attempts: 0,
          payload: { v: 1, kind: 'briefing', title: 'T', url: '/briefings/x', tag: 'briefing:x' },
        };
      });
      return { data: { claim: `c-${next}`, lease_until: '', items }, error: null };
    },
  };
  const env: Record<string, string> = {
    SUPABASE_URL: URL_BASE,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY,
    VAPID_SUBJECT: 'mailto:push@frontline.test',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    PUSH_DEVICES_PER_RUN: String(devicesPerRun),
  };
  const runtime: PushSenderRuntime = {
    env: (name) => env[name],
    createDb: () => db,
    waitUntil: (work) => void background.push(work),
    log: (line) => void logs.push(line),
    fetch: async (url, init) => {
      if (url === `${URL_BASE}/functions/v1/${PUSH_SENDER_NAME}`) return handler(new Request(url, init));
      sent.push(url);
      return new Response(null, { status: 201 });
    },
  };
  const handler = pushSender(runtime);
  const call = (generation?: number) => {
    calls.push(generation ?? 0);
    const headers: Record<string, string> = { authorization: `Bearer ${SERVICE_KEY}` };
    if (generation !== undefined) headers[GENERATION_HEADER] = String(generation);
    return handler(new Request(`${URL_BASE}/functions/v1/${PUSH_SENDER_NAME}`, { method: 'POST', headers }));
  };
  /** Waits for every call's background work, follow-ups included. */
  const settled = async () => {
    for (let done = 0; done < background.length; ) {
      const upTo = background.length;
      await Promise.all(background.slice(done, upTo));
      done = upTo;
    }
  };
  return { call, settled, sent, logs, runs: () => logs.filter((l) => /^push-sender g\d+: /.test(l)) };
}

describe('the push-sender function', () => {
  it('answers 202 at once and sends in the background', async () => {
    const p = platform(3, 2000);
    const response = await p.call();
    expect(response.status).toBe(202);
    await p.settled();
    expect(p.sent).toHaveLength(3);
    expect(p.runs()).toHaveLength(1);
  });

  it('calls itself twice, a generation down, while each call uses its whole share', async () => {
    const p = platform(9, 2);
    await p.call();
    await p.settled();
    expect(new Set(p.sent).size).toBe(9);
    expect(p.sent).toHaveLength(9);
    const generations = p.runs().map((l) => Number(/^push-sender g(\d+)/.exec(l)![1]));
    // g0 sends 2, g1's two calls 4, g2's four calls the last 3; the g2 call that used its
    // whole share starts two g3 calls, which find nothing; the others stop there.
    expect(generations.filter((g) => g === 0)).toHaveLength(1);
    expect(generations.filter((g) => g === 1)).toHaveLength(2);
    expect(generations.filter((g) => g === 2)).toHaveLength(4);
    expect(Math.max(...generations)).toBe(3);
  });

  it(`stops after generation ${MAX_GENERATION}: a backlog beyond 31 calls waits for the next scheduled one`, async () => {
    const p = platform(70, 2);
    await p.call();
    await p.settled();
    const calls = 2 ** (MAX_GENERATION + 1) - 1;
    expect(p.runs()).toHaveLength(calls);
    expect(p.sent).toHaveLength(calls * 2);
    expect(p.runs().filter((l) => l.startsWith(`push-sender g${MAX_GENERATION}: `))).toHaveLength(2 ** MAX_GENERATION);

    await p.call();
    await p.settled();
    expect(new Set(p.sent).size).toBe(70);
  });

  it('refuses callers without the service key, other methods and unknown generations', async () => {
    const post = (headers: Record<string, string>, method = 'POST') =>
      pushSender({
        env: (name) =>
          ({ SUPABASE_URL: URL_BASE, SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY, VAPID_SUBJECT: 's', VAPID_PUBLIC_KEY: 'p', VAPID_PRIVATE_KEY: 'k' })[name],
        createDb: () => ({ rpc: async () => ({ data: null, error: { message: 'must not be called' } }) }),
        waitUntil: () => {
          throw new Error('nothing may start');
        },
        log: () => {},
        fetch: () => Promise.reject(new Error('must not be called')),
      })(new Request(`${URL_BASE}/functions/v1/${PUSH_SENDER_NAME}`, { method, headers }));
    expect((await post({ authorization: 'Bearer anon-key' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ authorization: `Bearer ${SERVICE_KEY}` }, 'GET')).status).toBe(405);
    for (const g of ['-1', '2.5', 'x', String(MAX_GENERATION + 1)]) {
      expect((await post({ authorization: `Bearer ${SERVICE_KEY}`, [GENERATION_HEADER]: g })).status, g).toBe(400);
    }
  });

  it('says which settings are missing instead of starting', async () => {
    const response = await pushSender({
      env: (name) => (name === 'SUPABASE_URL' ? URL_BASE : undefined),
      createDb: () => ({ rpc: async () => ({ data: null, error: null }) }),
      waitUntil: () => {
        throw new Error('nothing may start');
      },
      log: () => {},
      fetch: () => Promise.reject(new Error('must not be called')),
    })(new Request(`${URL_BASE}/functions/v1/${PUSH_SENDER_NAME}`, { method: 'POST' }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: 'not_configured',
      missing: ['SUPABASE_SERVICE_ROLE_KEY', 'VAPID_SUBJECT', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'],
    });
  });
});
