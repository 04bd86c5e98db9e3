/**
 * "Read and understood": the acknowledgement is on this phone at once (marked
 * pending) with its outbox entry, naming the exact version and hash the person
 * was shown, so the server can prove what was read even when it arrives later.
 */
import { type CommandContext, type CommandResult, commit, outboxEntry } from '../command-core';
import type { LocalAck } from '../db';
import type { Briefing, ContentLanguage } from '../supabase/types';

/** `language` is the text that was on screen (the version's original, unless the reader saw its translation): the record says which was read. */
export async function acknowledgeBriefing(
  ctx: CommandContext,
  briefing: Pick<Briefing, 'id' | 'version' | 'content_hash' | 'language'>,
  language: ContentLanguage = briefing.language ?? 'en',
): Promise<CommandResult> {
  const ackedAt = ctx.now().toISOString();
  const entry = outboxEntry(ctx, 'ack', {
    briefing_id: briefing.id,
    version: briefing.version,
    content_hash: briefing.content_hash,
    acked_at: ackedAt,
    language,
  });
  const local: LocalAck = {
    id: entry.id,
    briefing_id: briefing.id,
    version: briefing.version,
    content_hash: briefing.content_hash,
    acked_at: ackedAt,
    language,
    received_at: ackedAt,
    sync_seq: 0,
    local_state: 'pending',
  };
  return commit(ctx, entry, () => ctx.db.acks.put(local));
}
