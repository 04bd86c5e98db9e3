/**
 * People the list has shown, by id, so opening one shows their form at once;
 * there is no single-person call, so a form opened from a link finds the person
 * again by their employee ID (kept in the history entry's note) through the search.
 */
import type { AdminPerson } from '../../data/supabase/types';

const seen = new Map<string, AdminPerson>();

export function rememberPeople(people: readonly AdminPerson[]): void {
  for (const person of people) seen.set(person.id, person);
}

export function rememberedPerson(id: string): AdminPerson | undefined {
  return seen.get(id);
}

let created: string | null = null;

/** A person just added: their form, opened at its own address in place of /people/new, says it was saved. */
export function markCreated(id: string): void {
  created = id;
}

export function takeCreated(id: string): boolean {
  const was = created === id;
  if (was) created = null;
  return was;
}
