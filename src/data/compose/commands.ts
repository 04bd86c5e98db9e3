/**
 * A manager's or HR's briefings: publish, edit and retract, offline too. The
 * local copy shows as "will send" until the server confirms it; command-core.ts
 * says what every command guarantees.
 */
import { type BriefingTextProblem, briefingTextProblems } from '../../domain/briefing-draft';
import { type CommandContext, type CommandResult, cleanPayload, commit, invalid, outboxEntry } from '../command-core';
import { type LocalBriefing, readMeta } from '../db';
import { storageFailure } from '../storage-errors';
import { BriefingPayload, type MutationPayloads } from '../supabase/types';

/** Publish, edit or retract a briefing; the local copy shows as "will send" until the server confirms. */
export async function saveBriefing(ctx: CommandContext, payload: MutationPayloads['briefing']): Promise<CommandResult<BriefingTextProblem>> {
  const parsed = BriefingPayload.safeParse(payload);
  if (!parsed.success) return invalid('malformed');
  const p = cleanPayload('briefing', parsed.data);
  if (p.action !== 'retract') {
    const [problem] = briefingTextProblems(p.title, p.body);
    if (problem) return invalid(problem);
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
      language: p.language ?? existing?.language ?? 'en',
      translation: p.translation ?? null,
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
      const entries = (await ctx.db.outbox.toArray()).filter(
        (e) => e.type === 'briefing' && (e.payload as MutationPayloads['briefing']).briefing_id === briefingId,
      );
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
