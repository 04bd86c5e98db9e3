/**
 * Giving kudos: the thank-you shows on this phone's wall at once (marked
 * pending), with the names the phone already knows, and goes to the server
 * through the outbox. The server keeps the same id, so the synced copy
 * replaces the pending one.
 */

import { type KudosProblem, kudosProblems } from '../../domain/kudos';
import { type CommandContext, type CommandResult, cleanText, commit, invalid, outboxEntry } from '../command-core';
import { type LocalKudos, readMeta } from '../db';
import { KudosPayload, type MutationPayloads } from '../supabase/types';

export async function giveKudos(ctx: CommandContext, payload: MutationPayloads['kudos']): Promise<CommandResult<KudosProblem>> {
  const message = cleanText(payload.message).trim();
  const [problem] = kudosProblems({ toMemberId: payload.to_member_id, message });
  if (problem) return invalid(problem);
  const parsed = KudosPayload.safeParse({ ...payload, message });
  if (!parsed.success) return invalid('malformed');
  const entry = outboxEntry(ctx, 'kudos', { ...parsed.data, message });
  return commit(ctx, entry, async () => {
    const [meta, colleague, value] = await Promise.all([
      readMeta(ctx.db),
      ctx.db.roster.get(parsed.data.to_member_id),
      parsed.data.value_card_id ? ctx.db.valueCards.get(parsed.data.value_card_id) : undefined,
    ]);
    if (!meta.me) return;
    const local: LocalKudos = {
      id: entry.id,
      from_member_id: meta.me.member_id,
      from_name: meta.me.display_name,
      to_member_id: parsed.data.to_member_id,
      to_name: colleague?.display_name ?? '',
      value_card_id: parsed.data.value_card_id ?? null,
      value_title: value?.title ?? null,
      message,
      created_at: entry.created_at,
      local_state: 'pending',
    };
    await ctx.db.kudos.put(local);
  });
}
