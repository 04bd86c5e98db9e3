/**
 * The push sender for `npm start` and `npm run dev`: the Edge Function's module
 * (supabase/functions/push-sender/sender.ts) run every few seconds against the local
 * stack, with VAPID keys made on first start and kept in `.data/vapid.json`, so phones
 * subscribed yesterday still receive today (a new key would orphan every subscription).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import webpush from 'web-push';
import ws from 'ws';
import { drainPushQueue, type VapidKeys } from '../supabase/functions/push-sender/sender';
import type { Stack } from '../supabase/local/stack';

export const LOCAL_VAPID_SUBJECT = 'mailto:frontline@localhost.invalid';

/** The keys in `<dataDir>/vapid.json`, made (and written, owner-only) when the file is missing. */
export async function localVapidKeys(dataDir: string, subject = LOCAL_VAPID_SUBJECT): Promise<VapidKeys & { created: boolean }> {
  const file = join(dataDir, 'vapid.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string') throw new Error(`${file} has no publicKey and privateKey`);
    return { subject, publicKey: stored.publicKey, privateKey: stored.privateKey, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = webpush.generateVAPIDKeys();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { subject, ...keys, created: true };
}

export interface LocalPushSender {
  stop(): Promise<void>;
}

/** Drains the queue now and then every `intervalMs` (a run never overlaps the previous one). */
export function startLocalPushSender(stack: Stack, vapid: VapidKeys, log: (line: string) => void, intervalMs = 5000): LocalPushSender {
  const db = createClient(stack.apiUrl, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastError = '';
  const run = async () => {
    try {
      const report = await drainPushQueue({ db, vapid, fetch: (url, init) => fetch(url, init) });
      if (report.sent + report.gone + report.retried > 0) log(`push: ${report.sent} sent, ${report.gone} gone, ${report.retried} to retry`);
      lastError = '';
    } catch (error) {
      // Said once, not every few seconds, while the database is away.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) log(`push sender: ${message}`);
      lastError = message;
    }
    if (!stopped) timer = setTimeout(() => (running = run()), intervalMs);
  };
  running = run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
