import type { Page } from 'playwright-core';

export interface RawOutboxEntry {
  id: string;
  type: string;
  payload: unknown;
  created_at: string;
}

/**
 * Puts an entry straight into the signed-in person's outbox, waiting to send,
 * around the commands (and their cleaning of text): as an older app version or
 * a bug would have left it.
 */
export async function addRawOutboxEntry(page: Page, entry: RawOutboxEntry): Promise<void> {
  await page.evaluate(
    (raw) =>
      new Promise<void>((added, failed) => {
        const identity = JSON.parse(localStorage.getItem('frontline:identity') ?? 'null') as { userId: string } | null;
        if (!identity) return failed(new Error('nobody is signed in'));
        const open = indexedDB.open(`frontline-${identity.userId}`);
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const connection = open.result;
          const tx = connection.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').add({ ...raw, state: 'waiting' });
          tx.oncomplete = () => {
            connection.close();
            added();
          };
          tx.onerror = () => failed(tx.error);
        };
      }),
    entry,
  );
}
