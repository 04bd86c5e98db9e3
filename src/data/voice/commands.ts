/**
 * Staff voice: feedback and pulse answers, both through the outbox. A named
 * feedback item shows in "my feedback" at once (pending); an anonymous one
 * keeps no copy on the phone either, beyond its outbox entry until it is sent.
 */

import { type FeedbackBodyProblem, feedbackBodyProblem } from '../../domain/feedback-draft';
import { LIMITS } from '../../domain/limits';
import { type CommandContext, type CommandResult, cleanPayload, cleanText, commit, invalid, outboxEntry } from '../command-core';
import { readMeta } from '../db';
import { FeedbackPayload, type MutationPayloads, PulseResponsePayload } from '../supabase/types';

export async function sendFeedback(ctx: CommandContext, payload: MutationPayloads['feedback']): Promise<CommandResult<FeedbackBodyProblem>> {
  const body = cleanText(payload.body).trim();
  const problem = feedbackBodyProblem(body);
  if (problem) return invalid(problem);
  const parsed = FeedbackPayload.safeParse({ ...payload, body });
  if (!parsed.success) return invalid('malformed');
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

export type PulseAnswerProblem = 'comment_too_long';

export async function answerPulse(ctx: CommandContext, payload: MutationPayloads['pulse_response']): Promise<CommandResult<PulseAnswerProblem>> {
  const parsed = PulseResponsePayload.safeParse(payload);
  if (!parsed.success) return invalid('malformed');
  const answer = cleanPayload('pulse_response', parsed.data);
  if ((answer.comment?.length ?? 0) > LIMITS.pulseComment) return invalid('comment_too_long');
  return commit(ctx, outboxEntry(ctx, 'pulse_response', answer), async () => {
    const meta = await readMeta(ctx.db);
    if (meta.me && !meta.me.answered_pulse_ids.includes(parsed.data.pulse_id)) {
      await ctx.db.meta.put({ ...meta, me: { ...meta.me, answered_pulse_ids: [...meta.me.answered_pulse_ids, parsed.data.pulse_id] } });
    }
  });
}
