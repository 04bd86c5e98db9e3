/**
 * For command unit tests on fake-indexeddb: a fresh database per test and a
 * command context on it with a fixed clock, counting the writes that asked
 * for a sync. `const t = commandContext();` at the top of a file, then
 * `t.ctx()`, `t.db()` and `t.writes()` inside tests.
 */
import { beforeEach } from 'vitest';
import type { CommandContext } from '../command-core';
import type { FrontlineDb } from '../db';
import type { MemberProfile } from '../supabase/types';
import { freshDatabase } from './fresh-database';

export const COMMAND_NOW = new Date('2026-11-22T10:00:00Z');

export function commandContext(): { ctx(): CommandContext; db(): FrontlineDb; writes(): number } {
  const db = freshDatabase();
  let writes = 0;
  let ctx: CommandContext | null = null;
  beforeEach(() => {
    writes = 0;
    ctx = {
      db: db(),
      now: () => COMMAND_NOW,
      newId: () => crypto.randomUUID(),
      afterWrite: () => {
        writes++;
      },
    };
  });
  return {
    db,
    writes: () => writes,
    ctx: () => {
      if (!ctx) throw new Error('commandContext: no context outside a test');
      return ctx;
    },
  };
}

/** The synced profile commands read the author's name and answered pulses from. */
export async function signIn(db: FrontlineDb, me: Partial<MemberProfile> = {}): Promise<MemberProfile> {
  const profile: MemberProfile = {
    member_id: crypto.randomUUID(),
    user_id: crypto.randomUUID(),
    display_name: 'A',
    email: 'a@x',
    role: 'staff',
    locale: 'en',
    organization: { id: crypto.randomUUID(), name: 'O' },
    store: null,
    department: null,
    managed_store_ids: [],
    answered_pulse_ids: [],
    ...me,
  };
  await db.meta.put({ key: 'sync', cursor: 0, last_synced_at: null, first_sync: null, me: profile });
  return profile;
}
