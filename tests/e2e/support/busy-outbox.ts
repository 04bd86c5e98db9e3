import type { Page } from 'playwright-core';

/**
 * Keeps a read-write transaction open on the signed-in person's outbox for `ms`,
 * as the sync engine does while it records the verdict on a large batch: reads of
 * the outbox (the screens' live counts) wait until it ends. Resolves once it holds.
 */
export async function keepOutboxBusy(page: Page, ms: number): Promise<void> {
  await page.evaluate(
    (holdMs) =>
      new Promise<void>((holding, failed) => {
        const identity = JSON.parse(localStorage.getItem('frontline:identity') ?? 'null') as { userId: string } | null;
        if (!identity) return failed(new Error('nobody is signed in'));
        const open = indexedDB.open(`frontline-${identity.userId}`);
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const connection = open.result;
          const tx = connection.transaction('outbox', 'readwrite');
          const outbox = tx.objectStore('outbox');
          const until = Date.now() + holdMs;
          // A transaction stays open while it has requests pending.
          const spin = () => {
            if (Date.now() < until) outbox.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => connection.close();
          holding();
        };
      }),
    ms,
  );
}
