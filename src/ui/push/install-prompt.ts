/**
 * Chrome (Android, desktop) offers installing once per page load and early, with
 * `beforeinstallprompt`; kept from the start (main.tsx) so Account and Today's
 * opt-in card can offer "Install the app" whenever the person gets there.
 */
import { useSyncExternalStore } from 'react';

interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

let offered: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const changed = (event: InstallPromptEvent | null) => {
  offered = event;
  for (const listener of listeners) listener();
};

export function captureInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Instead of the browser's own bar, the app offers it where it says why.
    event.preventDefault();
    changed(event as InstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => changed(null));
}

/** Shows the browser's install dialog, when it has offered one; null otherwise. The offer is used up either way. */
export function useInstallPrompt(): (() => void) | null {
  const event = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offered,
  );
  return event ? () => void event.prompt().finally(() => changed(null)) : null;
}
