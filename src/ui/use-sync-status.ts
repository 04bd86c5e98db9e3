import { useSyncExternalStore } from 'react';
import type { SyncEngine, SyncStatus } from '../data/sync/engine';

const NOT_LOADED: SyncStatus = { phase: 'idle', problem: null, nextRetryAt: null };

/** The sync engine's status as React state (idle until the engine has loaded). */
export function useSyncStatus(engine: SyncEngine | null): SyncStatus {
  return useSyncExternalStore(
    (notify) => (engine ? engine.subscribe(notify) : () => {}),
    () => engine?.getStatus() ?? NOT_LOADED,
  );
}
