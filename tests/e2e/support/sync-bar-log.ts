import type { BrowserContext } from 'playwright-core';

export interface SyncBarState {
  phase: string;
  text: string;
  at: number;
}

/**
 * Records every state the sync status bar shows in any page of `context`, across
 * reloads: each change of its phase or text, observed in the page as it happens
 * (a MutationObserver), so a state that flashes by between two polls is kept too.
 * Call it before the pages load.
 */
export async function recordSyncBar(context: BrowserContext): Promise<SyncBarState[]> {
  const states: SyncBarState[] = [];
  await context.exposeFunction('__frontlineSyncBar', (phase: string, text: string) => {
    states.push({ phase, text, at: Date.now() });
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __frontlineSyncBar: (phase: string, text: string) => void }).__frontlineSyncBar;
    let last = '';
    const look = () => {
      const bar = document.querySelector<HTMLElement>('[data-testid="sync-status"]');
      if (!bar) return;
      const phase = bar.getAttribute('data-phase') ?? '';
      const text = bar.textContent ?? '';
      if (`${phase}\n${text}` === last) return;
      last = `${phase}\n${text}`;
      void report(phase, text);
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return states;
}
