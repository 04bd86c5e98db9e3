/**
 * Staff voice: feedback and pulse answers, both through the outbox. A named
 * feedback item shows in "my feedback" at once (pending); an anonymous one
 * keeps no copy on the phone either, beyond its outbox entry until it is sent.
 */
import { cleanPayload, cleanText, commit, invalid, outboxEntry, type CommandContext, type CommandResult } from '../command-core';
import { readMeta } from '../db';
import { LIMITS } from '../../domain/limits';
import { FeedbackPayload, PulseResponsePayload, type MutationPayloads } from '../supabase/types';

export async function sendFeedback(ctx: CommandContext, payload: MutationPayloads['feedback']): Promise<CommandResult> {
  const parsed = FeedbackPayload.safeParse(payload);
  if (!parsed.success) return invalid('Choose a kind and a recipient.');
  const body = cleanText(parsed.data.body).trim();
  if (body.length === 0) return invalid('Write something first.');
  if (body.length > LIMITS.feedbackBody) return invalid('Feedback can be at most 4,000 characters.');
  const entry = outboxEntry(ctx, 'feedback', { ...parsed.data, body });
  return commit(ctx, entry, async () => {
    if (parsed.data.anonymous) return;
    await ctx.db.myFeedback.put({
      id: entry.id,
      kind: parsed.data.kind,
      recipient: parsed.data.recipient,
      body,
      briefing_id: parsed.data.briefing_id ?? null,
      status: 'open',
      created_at: entry.created_at,
      replies: [],
      local_state: 'pending',
    });
  });
}

export async function answerPulse(ctx: CommandContext, payload: MutationPayloads['pulse_response']): Promise<CommandResult> {
  const parsed = PulseResponsePayload.safeParse(payload);
  if (!parsed.success) return invalid('Pick a score.');
  return commit(ctx, outboxEntry(ctx, 'pulse_response', cleanPayload('pulse_response', parsed.data)), async () => {
    const meta = await readMeta(ctx.db);
    if (meta.me && !meta.me.answered_pulse_ids.includes(parsed.data.pulse_id)) {
      await ctx.db.meta.put({ ...meta, me: { ...meta.me, answered_pulse_ids: [...meta.me.answered_pulse_ids, parsed.data.pulse_id] } });
    }
  });
}
