/**
 * The push sender for `npm start` and `npm run dev`: the Edge Function's handler
 * (supabase/functions/push-sender/handler.ts) served by the local stack and called every
 * few seconds, with VAPID keys made on first start and kept in `.data/vapid.json`, so
 * phones subscribed yesterday still receive today (a new key would orphan every
 * subscription).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import webpush from 'web-push';
import { PUSH_SENDER_NAME, pushSender } from '../supabase/functions/push-sender/handler';
import type { VapidKeys } from '../supabase/functions/push-sender/sender';
import type { LocalFunction } from '../supabase/local/functions-api';
import type { Stack } from '../supabase/local/stack';
import { nodeFunctionDeps } from './local-function-deps';

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

/** The push sender Edge Function (its handler, as deployed) for the local stack to serve. */
export const pushSenderFunction: LocalFunction = (runtime) => pushSender({ ...runtime, ...nodeFunctionDeps });

/** The function's VAPID secrets, as `supabase secrets set` gives them on hosted. */
export function vapidSecrets(vapid: VapidKeys): Record<string, string> {
  return { VAPID_SUBJECT: vapid.subject, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };
}

export interface PushSchedule {
  stop(): Promise<void>;
}

/**
 * Calls the served push-sender function now and then every `intervalMs`, with the
 * service role key, as pg_cron and pg_net do on hosted (README, "Deploying the push
 * sender"); the function answers at once and drains in the background.
 */
export function schedulePushSender(stack: Pick<Stack, 'apiUrl' | 'serviceRoleKey'>, log: (line: string) => void, intervalMs = 5000): PushSchedule {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastProblem = '';
  const call = async () => {
    let problem = '';
    try {
      const response = await fetch(`${stack.apiUrl}/functions/v1/${PUSH_SENDER_NAME}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.serviceRoleKey}` },
      });
      if (response.status !== 202) problem = `push sender answered ${response.status}: ${await response.text()}`;
      else await response.body?.cancel();
    } catch (error) {
      problem = `push sender: ${error instanceof Error ? error.message : String(error)}`;
    }
    // Said once, not every few seconds, while it lasts.
    if (problem && problem !== lastProblem) log(problem);
    lastProblem = problem;
    if (!stopped) timer = setTimeout(() => (running = call()), intervalMs);
  };
  running = call();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
