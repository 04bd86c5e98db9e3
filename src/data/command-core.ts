/**
 * What every write the UI can make guarantees. A command validates its input,
 * then writes the local row the screen shows and its outbox entry in one
 * IndexedDB transaction, so the action is on screen at once (marked waiting)
 * and can never be lost between the two. Screens call commands; they never
 * touch Dexie or supabase-js themselves. Failures come back as values with
 * words for the user.
 */
import type { FrontlineDb, OutboxEntry } from './db';
import { storageFailure, type StorageFailure } from './storage-errors';
import type { MutationPayloads, MutationType } from './supabase/types';

export interface CommandContext {
  db: FrontlineDb;
  now: () => Date;
  newId: () => string;
  /** Called after a successful write, e.g. to ask the sync engine to send it. */
  afterWrite: () => void;
}

export type CommandResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: StorageFailure['reason']; message: string };

export function outboxEntry<T extends MutationType>(ctx: CommandContext, type: T, payload: MutationPayloads[T]): OutboxEntry<T> {
  return { id: ctx.newId(), type, payload, created_at: ctx.now().toISOString(), state: 'waiting' };
}

export async function commit(ctx: CommandContext, entry: OutboxEntry, writeLocal: () => Promise<unknown>): Promise<CommandResult> {
  try {
    await ctx.db.transaction('rw', localTables(ctx.db), async () => {
      await writeLocal();
      await ctx.db.outbox.add(entry);
    });
  } catch (error) {
    const failure = storageFailure(error);
    if (failure) return { ok: false, ...failure };
    throw error;
  }
  ctx.afterWrite();
  return { ok: true, id: entry.id };
}

export function invalid(message: string): Extract<CommandResult, { ok: false }> {
  return { ok: false, reason: 'invalid', message };
}

/** Every table a command may read or write, so any command's local rows and outbox entry share one transaction. */
function localTables(db: FrontlineDb) {
  return [db.outbox, db.meta, db.briefings, db.acks, db.kudos, db.attempts, db.reviews, db.lessonProgress, db.myFeedback, db.roster, db.valueCards];
}

export type LocalResult = { ok: true } | { ok: false; reason: StorageFailure['reason']; message: string };

/** A write that stays on this phone (no outbox entry), with the same storage failures as values. */
export async function commitLocal(ctx: CommandContext, write: () => Promise<unknown>): Promise<LocalResult> {
  try {
    await ctx.db.transaction('rw', localTables(ctx.db), write);
  } catch (error) {
    const failure = storageFailure(error);
    if (failure) return { ok: false, ...failure };
    throw error;
  }
  return { ok: true };
}
