/**
 * Pure decisions of the push half: which outbox entries go in the next batch,
 * and what the server's answers mean for each of them.
 */
import type { OutboxEntry } from '../db';
import type { RpcFailure } from '../supabase/rpc';
import { type Mutation, type MutationResult, PUSH_BATCH_MAX } from '../supabase/types';

/** The oldest waiting entries, in outbox order, at most `max` of them. Rejected ones never go again. */
export function nextBatch(entries: readonly OutboxEntry[], max: number = PUSH_BATCH_MAX): OutboxEntry[] {
  return entries
    .filter((entry) => entry.state === 'waiting')
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .slice(0, max);
}

export function toMutation(entry: OutboxEntry): Mutation {
  return { id: entry.id, type: entry.type, payload: entry.payload, created_at: entry.created_at } as Mutation;
}

export interface PushVerdict {
  /** Applied or duplicate: the server has it; drop from the outbox. */
  confirmed: string[];
  /** Refused: keep, show the reason, never send again. */
  rejected: Array<{ id: string; code: string; message: string }>;
  /** Sent but not answered (should not happen): stays waiting for the next push. */
  unanswered: string[];
}

export function judgeResults(sent: readonly OutboxEntry[], results: readonly MutationResult[]): PushVerdict {
  const byId = new Map(results.map((result) => [String(result.id), result]));
  const verdict: PushVerdict = { confirmed: [], rejected: [], unanswered: [] };
  for (const entry of sent) {
    const result = byId.get(entry.id);
    if (!result) verdict.unanswered.push(entry.id);
    else if (result.status === 'rejected') {
      verdict.rejected.push({ id: entry.id, code: result.code ?? 'rejected', message: result.message ?? '' });
    } else verdict.confirmed.push(entry.id);
  }
  return verdict;
}

/** Rejection code for an item the server refused whole, found alone by splitting its batch. */
export const UNREADABLE = 'unreadable';

/** The verdict on a single item whose push the server refused whole: that item, and only it, is refused. */
export function refusedAlone(entry: OutboxEntry, failure: RpcFailure): PushVerdict {
  return { confirmed: [], rejected: [{ id: entry.id, code: UNREADABLE, message: failure.message }], unanswered: [] };
}

/** Halves of a refused batch, in outbox order, so the search for the bad item keeps the drain order. */
export function splitBatch<T>(batch: readonly T[]): [T[], T[]] {
  const half = Math.ceil(batch.length / 2);
  return [batch.slice(0, half), batch.slice(half)];
}
