/**
 * What every write the UI can make guarantees. A command validates its input,
 * then writes the local row the screen shows and its outbox entry in one
 * IndexedDB transaction, so the action is on screen at once (marked waiting)
 * and can never be lost between the two. Screens call commands; they never
 * touch Dexie or supabase-js themselves. Failures come back as values with
 * codes, never words: the feature says them in the person's language.
 */
import type { FrontlineDb, OutboxEntry } from './db';
import { type StorageFailure, storageFailure } from './storage-errors';
import type { MutationPayloads, MutationType } from './supabase/types';

export interface CommandContext {
  db: FrontlineDb;
  now: () => Date;
  newId: () => string;
  /** Called after a successful write, e.g. to ask the sync engine to send it. */
  afterWrite: () => void;
}

/**
 * Why a command wrote nothing: input it refuses, as the command's own problem
 * code P, or `malformed` for a payload the contract refuses (a bug, not
 * something the person typed); or the phone's storage.
 */
export type CommandFailure<P extends string = never> =
  | { ok: false; reason: 'invalid'; problem: P | 'malformed' }
  | { ok: false; reason: StorageFailure['reason'] };

export type CommandResult<P extends string = never> = { ok: true; id: string } | CommandFailure<P>;

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

/** C0 control characters but tab and newline, and DEL: Postgres cannot store NUL in jsonb, and none of them means anything on screen. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters and strip them.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Free text as the server can store it and every phone shows it alike: line breaks as \n, no control characters, NFC. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
}

/** The free text of any outbox payload, cleaned (for an item queued before cleaning, or written around a command). */
export function cleanPayload<T extends MutationType>(type: T, payload: MutationPayloads[T]): MutationPayloads[T] {
  const p = payload as MutationPayloads[MutationType];
  switch (type) {
    case 'kudos': {
      const k = p as MutationPayloads['kudos'];
      return { ...k, message: cleanText(k.message) } as MutationPayloads[T];
    }
    case 'feedback': {
      const f = p as MutationPayloads['feedback'];
      return { ...f, body: cleanText(f.body) } as MutationPayloads[T];
    }
    case 'pulse_response': {
      const r = p as MutationPayloads['pulse_response'];
      return (typeof r.comment === 'string' ? { ...r, comment: cleanText(r.comment) } : r) as MutationPayloads[T];
    }
    case 'briefing': {
      const b = p as MutationPayloads['briefing'];
      return (b.action === 'retract' ? b : { ...b, title: cleanText(b.title), body: cleanText(b.body) }) as MutationPayloads[T];
    }
    default:
      return payload;
  }
}

export function invalid<P extends string>(problem: P): { ok: false; reason: 'invalid'; problem: P } {
  return { ok: false, reason: 'invalid', problem };
}

/** Every table a command may read or write, so any command's local rows and outbox entry share one transaction. */
function localTables(db: FrontlineDb) {
  return [db.outbox, db.meta, db.briefings, db.acks, db.kudos, db.attempts, db.reviews, db.lessonProgress, db.myFeedback, db.roster, db.valueCards];
}

export type LocalResult = { ok: true } | { ok: false; reason: StorageFailure['reason'] };

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
