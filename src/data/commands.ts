/**
 * The briefing commands: acknowledge, publish, edit, retract, and dismissing
 * or retrying a refused item. (Values, learning and voice have their own command modules;
 * command-core.ts says what every command guarantees.)
 */
import { cleanPayload, commit, commitLocal, invalid, outboxEntry, type CommandContext, type CommandResult, type LocalResult } from './command-core';
import type { LocalAck, LocalBriefing } from './db';
import { readMeta } from './db';
import { storageFailure } from './storage-errors';
import { BriefingPayload, type Briefing, type MutationPayloads } from './supabase/types';

export type { CommandContext, CommandResult } from './command-core';

/** "Read and understood": records the exact version and hash the person was shown. */
export async function acknowledgeBriefing(
  ctx: CommandContext,
  briefing: Pick<Briefing, 'id' | 'version' | 'content_hash'>,
): Promise<CommandResult> {
  const ackedAt = ctx.now().toISOString();
  const entry = outboxEntry(ctx, 'ack', {
    briefing_id: briefing.id, version: briefing.version, content_hash: briefing.content_hash, acked_at: ackedAt,
  });
  const local: LocalAck = {
    id: entry.id, briefing_id: briefing.id, version: briefing.version, content_hash: briefing.content_hash,
    acked_at: ackedAt, received_at: ackedAt, sync_seq: 0, local_state: 'pending',
  };
  return commit(ctx, entry, () => ctx.db.acks.put(local));
}

/** Publish, edit or retract a briefing; the local copy shows as "will send" until the server confirms. */
export async function saveBriefing(ctx: CommandContext, payload: MutationPayloads['briefing']): Promise<CommandResult> {
  const parsed = BriefingPayload.safeParse(payload);
  if (!parsed.success) return invalid('The briefing needs a title and a text.');
  const p = cleanPayload('briefing', parsed.data);
  if (p.action !== 'retract') {
    if (p.title.trim().length === 0 || p.body.trim().length === 0) return invalid('The briefing needs a title and a text.');
    if (p.title.length > 200) return invalid('The title can be at most 200 characters.');
    if (p.body.length > 20000) return invalid('The text can be at most 20,000 characters.');
  }
  if (p.action === 'retract' && (await discardNeverPublished(ctx, p.briefing_id))) return { ok: true, id: p.briefing_id };
  const entry = outboxEntry(ctx, 'briefing', p);
  return commit(ctx, entry, async () => {
    const existing = await ctx.db.briefings.get(p.briefing_id);
    if (p.action === 'retract') {
      await ctx.db.briefings.delete(p.briefing_id);
      return;
    }
    const meta = await readMeta(ctx.db);
    const now = ctx.now().toISOString();
    const local: LocalBriefing = {
      id: p.briefing_id,
      kind: p.kind ?? existing?.kind ?? 'shift',
      title: p.title.trim(),
      body: p.body,
      priority: p.priority ?? 'normal',
      author_id: existing?.author_id ?? meta.me?.member_id ?? '',
      author_name: existing?.author_name ?? meta.me?.display_name ?? null,
      store_ids: p.store_ids ?? [],
      department_ids: p.department_ids ?? [],
      roles: p.roles ?? [],
      shift_date: p.shift_date ?? null,
      shift_start: p.shift_start ?? null,
      shift_end: p.shift_end ?? null,
      requires_ack: p.requires_ack ?? false,
      ack_due_at: p.ack_due_at ?? null,
      publish_at: p.publish_at ?? existing?.publish_at ?? now,
      expires_at: p.expires_at ?? null,
      version: existing?.version ?? 0,
      content_hash: existing?.content_hash ?? '',
      created_at: existing?.created_at ?? now,
      updated_at: now,
      sync_seq: existing?.sync_seq ?? 0,
      local_state: 'pending',
    };
    await ctx.db.briefings.put(local);
  });
}

/**
 * Retracting a briefing the server refused to publish (so no phone has it)
 * only drops this phone's copy and its refused entries: a retract would be
 * refused too. Anything still waiting to send is left alone, since it may be
 * on its way to the server right now; then a retract is queued behind it.
 */
async function discardNeverPublished(ctx: CommandContext, briefingId: string): Promise<boolean> {
  try {
    return await ctx.db.transaction('rw', [ctx.db.outbox, ctx.db.briefings], async () => {
      const local = await ctx.db.briefings.get(briefingId);
      if (local?.local_state !== 'rejected' || local.version > 0) return false;
      const entries = (await ctx.db.outbox.toArray()).filter((e) => e.type === 'briefing' && (e.payload as MutationPayloads['briefing']).briefing_id === briefingId);
      if (entries.some((e) => e.state !== 'rejected')) return false;
      await ctx.db.outbox.bulkDelete(entries.map((e) => e.seq!));
      await ctx.db.briefings.delete(briefingId);
      return true;
    });
  } catch (error) {
    if (storageFailure(error)) return false;
    throw error;
  }
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
