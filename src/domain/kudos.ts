/**
 * Kudos rules the phone applies before anything is saved: what a kudos needs,
 * which colleagues match what was typed (accents and case ignored), and how
 * the wall and "kudos you received" are ordered.
 */
import { LIMITS } from './limits';
import { searchKey } from './today-plan';

export interface KudosDraft {
  toMemberId: string | null;
  message: string;
}

export type KudosProblem = 'colleague_required' | 'message_required' | 'message_too_long';

export function kudosProblems(draft: KudosDraft): KudosProblem[] {
  const problems: KudosProblem[] = [];
  if (!draft.toMemberId) problems.push('colleague_required');
  const message = draft.message.trim();
  if (message.length === 0) problems.push('message_required');
  else if (message.length > LIMITS.kudosMessage) problems.push('message_too_long');
  return problems;
}

/** Colleagues whose name holds every typed word ("jose" finds "José Núñez"); all of them for an empty query. */
export function matchColleagues<T extends { display_name: string }>(roster: readonly T[], query: string): T[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return roster.filter((person) => {
    const name = searchKey(person.display_name);
    return words.every((word) => name.includes(word));
  });
}

interface Dated {
  id: string;
  created_at: string;
}

/** Newest first by the time it was given; the id breaks ties so the order never flickers. */
export function newestFirst<T extends Dated>(kudos: readonly T[]): T[] {
  return [...kudos].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? 1 : -1));
}

/** The kudos this member received, newest first. */
export function receivedBy<T extends Dated & { to_member_id: string }>(kudos: readonly T[], memberId: string): T[] {
  return newestFirst(kudos.filter((k) => k.to_member_id === memberId));
}
