/**
 * What the push tests share: a world of their own (a fresh organisation whose store
 * has no quiet hours unless a test sets them, so nothing depends on the time of day),
 * devices with real P-256 keys, the sender's service_role client, and the queue as
 * stored.
 */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { createMember, createOrg, env, sql, type TestMember } from './fixtures';

export interface PushWorld {
  orgId: string;
  storeId: string;
  departmentId: string;
  manager: TestMember;
  staff: TestMember[];
}

/** A fresh organisation with one store (no quiet hours), its manager and `staffCount` staff. */
export async function pushWorld(staffCount = 2): Promise<PushWorld> {
  const { orgId, storeId, departmentId } = await createOrg();
  await sql(`update public.stores set quiet_start = '00:00', quiet_end = '00:00' where id = $1`, [storeId]);
  const manager = await createMember({ orgId, storeId, departmentId, role: 'manager', manages: [storeId] });
  const staff = await Promise.all(Array.from({ length: staffCount }, () => createMember({ orgId, storeId, departmentId })));
  return { orgId, storeId, departmentId, manager, staff };
}

export interface Device {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A browser's subscription: a push-service address and real keys, base64url. */
export function device(): Device {
  const ecdh = createECDH('prime256v1');
  return {
    endpoint: `https://push.example.com/send/${randomUUID()}`,
    p256dh: ecdh.generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/** Saves `d` (a new device by default) as the signed-in member's and returns it. */
export async function subscribe(client: SupabaseClient, d: Device = device()): Promise<Device & { id: string }> {
  const { data, error } = await client.rpc('save_push_subscription', { p_endpoint: d.endpoint, p_p256dh: d.p256dh, p_auth: d.auth });
  if (error) throw new Error(`save_push_subscription failed: ${error.message}`);
  return { ...d, id: (data as { id: string }).id };
}

/** The sender: the API with the service_role (secret) key. */
export function serviceClient(): SupabaseClient {
  return createClient(env.apiUrl, env.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
}

export interface QueuedMessage {
  id: string;
  subscription_id: string;
  member_id: string;
  kind: string;
  ref_id: string;
  version: number | null;
  title: string;
  store_name: string | null;
  url: string;
  urgent: boolean;
  created_at: Date;
  not_before: Date;
  attempts: number;
  claim: string | null;
  sent_at: Date | null;
  gave_up_at: Date | null;
}

/** Every queued message about `refId` (a briefing or feedback id). */
export async function queued(refId: string): Promise<QueuedMessage[]> {
  return sql<QueuedMessage & Record<string, unknown>>('select * from private.push_queue where ref_id = $1 order by created_at, id', [refId]);
}

/**
 * Moves the unsent messages about `refIds` `seconds` (2 minutes by default) into the
 * past: push_claim holds a device's non-critical messages until the newest is 2
 * minutes old, so tests move created_at rather than wait.
 */
export async function ripen(refIds: string[], seconds = 120): Promise<void> {
  await sql(`update private.push_queue set created_at = created_at - make_interval(secs => $2) where ref_id = any ($1::uuid[]) and sent_at is null`, [
    refIds,
    seconds,
  ]);
}

/** An RPC outcome's HTTP failure as {status, code, details}, or null when it succeeded. */
export function failure(outcome: { ok: true } | { ok: false; error: { kind: string } & Partial<{ status: number; code: string; details: string | null }> }) {
  if (outcome.ok) return null;
  const { status, code, details } = outcome.error;
  return { kind: outcome.error.kind, status, code, details };
}
