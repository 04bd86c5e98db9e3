import { useSyncExternalStore } from 'react';
import { type UpdateState, updateState } from './pwa';

/** The current "new version waiting" state; re-renders when it changes. */
export function useUpdateState(): UpdateState {
  return useSyncExternalStore(updateState.subscribe, updateState.get, updateState.get);
}
