/**
 * What every screen of a signed-in person can reach: their identity, their
 * local database, the command context for writes, their synced profile, and
 * the sync engine and online API once they have loaded (null during the first
 * render and before they arrive).
 */
import { createContext, useContext } from 'react';
import type { CommandContext } from '../data/command-core';
import type { FrontlineDb } from '../data/db';
import type { OnlineApi } from '../data/online-api';
import type { MemberProfile } from '../data/supabase/types';
import type { SyncEngine } from '../data/sync/engine';
import type { LocaleChoice } from './i18n/use-locale-choice';

export interface Session {
  userId: string;
  email: string;
  db: FrontlineDb;
  commands: CommandContext;
  engine: SyncEngine | null;
  /** Calls that need the network; null until the services have loaded. */
  api: OnlineApi | null;
  /** What the server last said about this person (null before the first sync). */
  me: MemberProfile | null;
  /** The UI language on screen and the switch for it (applies at once, offline too). */
  language: LocaleChoice;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
