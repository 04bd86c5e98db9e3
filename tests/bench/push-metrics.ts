/**
 * push.fanout_50k_s (issue 11): an org-wide policy that needs acknowledging,
 * published by HR to the whole of Bench Retail, reaching every member's phone. Each
 * of the 50,000 members gets one device (made in SQL as the owner, its endpoint on
 * the local push service of the integration tests, which decrypts every request with
 * the device's keys; the devices share a pool of key pairs, since a P-256 pair per
 * device would only lengthen the setup). The clock runs from the publish (sync_push
 * as HR, committed: the queue fills in that transaction) to the last message the
 * push service accepted, with the real sender (drainPushQueue through the API as
 * service_role, its default batch size and concurrency) in this process, leaving
 * out the deliberate 2-minute fold window (the queued messages are aged past it with
 * the clock stopped). Prints
 * messages per second and how long the publish transaction took; the measurement
 * fails unless every device in the audience got exactly one message, readable and
 * addressed to the policy, and the author's device none.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient } from '@supabase/supabase-js';
import webpush from 'web-push';
import ws from 'ws';
import type { Mutation, MutationResult } from '../../src/data/supabase/types';
import { drainPushQueue } from '../../supabase/functions/push-sender/sender';
import { type FakeDevice, startPushService } from '../integration/support/push-service';
import { type MetricGroup, metric, progress } from './measure';
import { asUser, rawQuery } from './user-session';

/** Distinct key pairs the devices share. */
const KEY_PAIRS = 64;
/** Devices inserted per statement. */
const INSERT_CHUNK = 10_000;
/** Drains before giving up on a queue that does not empty (each drains until nothing is due). */
const MAX_DRAINS = 5;

export const pushMetrics: MetricGroup = {
  name: 'push',
  async run({ pool, api, org }) {
    const service = await startPushService();
    const { rows: stores } = await pool.query<{ id: string; quiet_start: string; quiet_end: string }>(
      'select id, quiet_start::text, quiet_end::text from public.stores where org_id = $1',
      [org.orgId],
    );
    try {
      // Quiet hours would hold most stores' messages until morning, whenever the bench runs.
      await pool.query(`update public.stores set quiet_start = '00:00', quiet_end = '00:00' where org_id = $1`, [org.orgId]);
      await pool.query('delete from public.push_subscriptions where org_id = $1', [org.orgId]);

      const { rows: members } = await pool.query<{ id: string }>('select id from public.members where org_id = $1 and active order by id', [org.orgId]);
      const pairs = Array.from({ length: Math.min(KEY_PAIRS, members.length) }, () => service.device());
      const devices = new Map<string, FakeDevice>();
      for (const [i, m] of members.entries()) devices.set(m.id, service.device(pairs[i % pairs.length]));
      for (let i = 0; i < members.length; i += INSERT_CHUNK) {
        const chunk = members.slice(i, i + INSERT_CHUNK);
        const rows = chunk.map((m) => devices.get(m.id)!);
        await pool.query(
          `insert into public.push_subscriptions (member_id, org_id, endpoint, p256dh, auth)
           select d.member_id, $1, d.endpoint, d.p256dh, d.auth
           from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as d (member_id, endpoint, p256dh, auth)`,
          [org.orgId, chunk.map((m) => m.id), rows.map((d) => d.endpoint), rows.map((d) => d.p256dh), rows.map((d) => d.auth)],
        );
      }
      await pool.query('analyze public.push_subscriptions');
      // The author is never notified of their own briefing: everyone else is the audience.
      const audience = members.filter((m) => m.id !== org.hr.memberId).map((m) => devices.get(m.id)!.endpoint);
      const authorDevice = devices.get(org.hr.memberId)?.endpoint;
      progress(`push.fanout_50k_s: ${members.length} devices registered (${pairs.length} key pairs), ${audience.length} in the audience`);

      const sender = createClient(api.url, api.serviceRoleKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport: ws as unknown as typeof WebSocket },
      });
      const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@frontline.test' };
      let lastAccepted = 0;
      service.onDelivery = (d) => {
        if (d.status >= 200 && d.status < 300) lastAccepted = performance.now();
      };

      const briefingId = randomUUID();
      const publishedAt = new Date().toISOString();
      const publish: Mutation = {
        id: randomUUID(),
        type: 'briefing',
        created_at: publishedAt,
        payload: {
          action: 'publish',
          briefing_id: briefingId,
          title: 'Updated cash handling policy',
          body: 'Read the new cash handling rules before your next shift and acknowledge them.',
          kind: 'policy',
          requires_ack: true,
        },
      };
      const started = performance.now();
      const client = await pool.connect();
      let publishMs: number;
      try {
        const pushed = await asUser(
          client,
          org.hr.userId,
          () => client.query<{ r: string }>(rawQuery('select public.sync_push($1::jsonb)::text as r', [JSON.stringify([publish])])),
          { commit: true },
        );
        publishMs = performance.now() - started;
        const [result] = (JSON.parse(pushed.rows[0]!.r) as { results: MutationResult[] }).results;
        if (result?.status !== 'applied') throw new Error(`the publish was refused: ${JSON.stringify(result)}`);
      } finally {
        client.release();
      }

      // A non-critical message waits until it is 2 minutes old, to fold with what follows
      // (20261205150400). That wait is by design, not fan-out: the messages are aged past
      // it (as the tests move time in the queue) with the clock stopped.
      const aging = performance.now();
      await pool.query(`update private.push_queue set created_at = created_at - interval '2 minutes' where ref_id = $1`, [briefingId]);
      const held = performance.now() - aging;

      let sent = 0;
      for (let drains = 0; drains < MAX_DRAINS && sent < audience.length; drains++) {
        const report = await drainPushQueue({ db: sender, fetch: (url, init) => fetch(url, init), vapid });
        progress(`push.fanout_50k_s: drain ${drains + 1}: ${report.claims} claims, ${report.sent} sent, ${report.retried} retried, ${report.gone} gone`);
        if (report.sent === 0) break;
        sent += report.sent;
      }
      const seconds = (lastAccepted - started - held) / 1000;
      service.onDelivery = undefined;

      // Exactly one readable message about this policy to every device of the audience, none elsewhere.
      const accepted = new Map<string, number>();
      let wrong = 0;
      for (const d of service.deliveries) {
        const body = d.status === 201 ? (JSON.parse(d.plaintext) as { url?: string }) : null;
        if (body?.url === `/briefings/${briefingId}`) accepted.set(d.endpoint, (accepted.get(d.endpoint) ?? 0) + 1);
        else wrong += 1;
      }
      const missing = audience.filter((e) => accepted.get(e) !== 1).length;
      const toAuthor = authorDevice ? (accepted.get(authorDevice) ?? 0) : 0;
      progress(
        `push.fanout_50k_s: ${accepted.size} devices reached in ${seconds.toFixed(1)} s (publish ${publishMs.toFixed(0)} ms); ` +
          `${missing} devices without exactly one message, ${wrong} other requests, ${toAuthor} to the author`,
      );
      if (missing > 0 || wrong > 0 || toAuthor > 0 || accepted.size !== audience.length) {
        throw new Error(`${missing} of ${audience.length} devices did not get exactly one message (${wrong} other requests, ${toAuthor} to the author)`);
      }
      return [
        metric('push.fanout_50k_s', seconds, 's', 60),
        metric('push.fanout_messages_per_s', audience.length / seconds, 'messages/s', null, 'higher'),
        metric('push.publish_enqueue_ms', publishMs, 'ms', null),
      ];
    } finally {
      await service.close();
      await pool.query('delete from public.push_subscriptions where org_id = $1', [org.orgId]);
      await pool.query(
        `update public.stores s set quiet_start = o.quiet_start::time, quiet_end = o.quiet_end::time
         from unnest($1::uuid[], $2::text[], $3::text[]) as o (id, quiet_start, quiet_end) where s.id = o.id`,
        [stores.map((s) => s.id), stores.map((s) => s.quiet_start), stores.map((s) => s.quiet_end)],
      );
    }
  },
};
