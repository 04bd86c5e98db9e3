/**
 * The outbox entries the server refused, each with what it was about, looked
 * up in the phone's own data (whom a kudos thanked, which briefing an
 * acknowledgement was for), so the person can tell them apart; and whether
 * trying again can help. Codes only: the Account screen words them.
 */
import { cleanText } from '../command-core';
import type { FrontlineDb, OutboxEntry } from '../db';
import type { MutationPayloads } from '../supabase/types';
import { UNREADABLE } from './push-plan';

export type RefusedSubject =
  | { type: 'kudos'; to: string | null; excerpt: string }
  | { type: 'ack'; briefing: string | null }
  | { type: 'lesson_attempt'; lesson: string | null }
  | { type: 'feedback'; excerpt: string }
  | { type: 'pulse_response'; question: string | null }
  | { type: 'briefing'; title: string | null };

/**
 * Why it was refused, as far as the person is concerned: text the server could
 * not read, a fault on the server, a rule that no longer applies (all three
 * worth trying again), or a verdict on the item itself.
 */
export type RefusalKind = 'unreadable' | 'server_error' | 'obsolete' | 'final';

export interface RefusedItem {
  id: string;
  created_at: string;
  subject: RefusedSubject;
  kind: RefusalKind;
  /** The server's code and words, for a refusal the app has no words of its own for. */
  code: string;
  message: string;
}

/** Codes the server no longer sends: the rule behind them is gone, so the same item may now be accepted. */
const OBSOLETE_CODES = new Set(['invalid_timestamp']);

export function refusalKind(code: string): RefusalKind {
  if (code === UNREADABLE) return 'unreadable';
  if (code === 'server_error') return 'server_error';
  return OBSOLETE_CODES.has(code) ? 'obsolete' : 'final';
}

export function canRetry(kind: RefusalKind): boolean {
  return kind !== 'final';
}

const EXCERPT_LENGTH = 30;

/** The start of a text, enough to recognise it. */
export function excerpt(text: string): string {
  const flat = cleanText(text).replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

export async function refusedItems(db: FrontlineDb): Promise<RefusedItem[]> {
  const entries = await db.outbox.where('state').equals('rejected').toArray();
  return Promise.all(
    entries.map(async (entry) => {
      const code = entry.rejection?.code ?? '';
      return {
        id: entry.id,
        created_at: entry.created_at,
        subject: await subjectOf(db, entry),
        kind: refusalKind(code),
        code,
        message: entry.rejection?.message ?? '',
      };
    }),
  );
}

async function subjectOf(db: FrontlineDb, entry: OutboxEntry): Promise<RefusedSubject> {
  switch (entry.type) {
    case 'kudos': {
      const p = entry.payload as MutationPayloads['kudos'];
      const [colleague, local] = await Promise.all([db.roster.get(p.to_member_id), db.kudos.get(entry.id)]);
      return { type: 'kudos', to: colleague?.display_name || local?.to_name || null, excerpt: excerpt(p.message) };
    }
    case 'ack': {
      const p = entry.payload as MutationPayloads['ack'];
      return { type: 'ack', briefing: (await db.briefings.get(p.briefing_id))?.title ?? null };
    }
    case 'lesson_attempt': {
      const p = entry.payload as MutationPayloads['lesson_attempt'];
      return { type: 'lesson_attempt', lesson: (await db.lessons.get(p.lesson_id))?.title ?? null };
    }
    case 'feedback':
      return { type: 'feedback', excerpt: excerpt((entry.payload as MutationPayloads['feedback']).body) };
    case 'pulse_response': {
      const p = entry.payload as MutationPayloads['pulse_response'];
      return { type: 'pulse_response', question: (await db.pulses.get(p.pulse_id))?.question ?? null };
    }
    case 'briefing': {
      const p = entry.payload as MutationPayloads['briefing'];
      const title = p.action === 'retract' ? (await db.briefings.get(p.briefing_id))?.title : p.title;
      return { type: 'briefing', title: title ? excerpt(title) : null };
    }
  }
}
