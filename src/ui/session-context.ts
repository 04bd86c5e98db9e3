/**
 * What every screen of a signed-in person can reach: their identity, their
 * local database, the command context for writes, and the sync engine once it
 * has loaded (null during the first render and before it arrives).
 */
import { createContext, useContext } from 'react';
import type { CommandContext } from '../data/commands';
import type { FrontlineDb } from '../data/db';
import type { SyncEngine } from '../data/sync/engine';
import type { LocaleChoice } from './i18n/use-locale-choice';

export interface Session {
  userId: string;
  email: string;
  db: FrontlineDb;
  commands: CommandContext;
  engine: SyncEngine | null;
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
