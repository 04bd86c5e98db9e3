/**
 * The outbox as people see it, whatever the feature: how much is waiting,
 * what the server refused, and dismissing or retrying a refused item (which
 * also settles the local row it belongs to).
 */
import { type CommandContext, cleanPayload, commitLocal, type LocalResult } from './command-core';
import type { FrontlineDb, OutboxEntry } from './db';
import type { MutationPayloads } from './supabase/types';

export interface OutboxSummary {
  waiting: number;
  rejected: OutboxEntry[];
}

export async function outboxSummary(db: FrontlineDb): Promise<OutboxSummary> {
  const [waiting, rejected] = await Promise.all([db.outbox.where('state').equals('waiting').count(), db.outbox.where('state').equals('rejected').toArray()]);
  return { waiting, rejected };
}

/** Drops a rejected outbox entry the person has read about (and its local row, if the server never had it). */
export async function dismissRejected(ctx: CommandContext, entryId: string): Promise<void> {
  await ctx.db.transaction('rw', [ctx.db.outbox, ctx.db.acks, ctx.db.briefings], async () => {
    const entry = await ctx.db.outbox.where('id').equals(entryId).first();
    if (entry?.state !== 'rejected') return;
    await ctx.db.outbox.where('id').equals(entryId).delete();
    if (entry.type === 'ack') await ctx.db.acks.delete(entryId);
    if (entry.type === 'briefing') {
      const local = await ctx.db.briefings.get((entry.payload as MutationPayloads['briefing']).briefing_id);
      if (local?.local_state === 'rejected' && local.version === 0) await ctx.db.briefings.delete(local.id);
    }
  });
}

/**
 * Sends a refused item again, its text cleaned: for refusals the person can do
 * something about (a server fault, a rule that no longer applies, text the
 * server could not read). Its local row shows as waiting again.
 */
export async function retryRejected(ctx: CommandContext, entryId: string): Promise<LocalResult> {
  let retried = false;
  const result = await commitLocal(ctx, async () => {
    const entry = await ctx.db.outbox.where('id').equals(entryId).first();
    if (entry?.state !== 'rejected') return;
    const { rejection: _, ...rest } = entry;
    await ctx.db.outbox.put({ ...rest, payload: cleanPayload(entry.type, entry.payload), state: 'waiting' });
    const pending = { local_state: 'pending' as const };
    if (entry.type === 'ack') await ctx.db.acks.update(entryId, pending);
    if (entry.type === 'kudos') await ctx.db.kudos.update(entryId, pending);
    if (entry.type === 'feedback') await ctx.db.myFeedback.update(entryId, pending);
    if (entry.type === 'briefing') await ctx.db.briefings.update((entry.payload as MutationPayloads['briefing']).briefing_id, pending);
    retried = true;
  });
  if (retried) ctx.afterWrite();
  return result;
}
