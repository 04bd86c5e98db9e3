import type { MemberProfile } from '../../data/supabase/types';

export type Section = 'cards' | 'give' | 'wall' | 'report' | 'edit';

/** Everyone reads the cards and gives kudos; managers and HR see recognition; HR and admins edit the cards (the server enforces each). */
export function sectionsFor(role: MemberProfile['role'] | undefined): Section[] {
  const sections: Section[] = ['cards', 'give', 'wall'];
  if (role === 'manager' || role === 'hr' || role === 'admin') sections.push('report');
  if (role === 'hr' || role === 'admin') sections.push('edit');
  return sections;
}
