/**
 * The phone's spaced-review items, read and changed straight in IndexedDB
 * (the phone's own store), so a test can make a question due without moving
 * the whole browser's clock.
 */
import type { Page } from 'playwright-core';

export interface StoredReviewItem {
  box: number;
  due_at: string;
}

/** One review item of the signed-in person's database, made due first when asked; answers the item as stored. */
async function withReviewItem(page: Page, key: string, makeDue: boolean): Promise<StoredReviewItem> {
  return page.evaluate(
    async ({ reviewKey, due }) => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('frontline-'));
      if (!name) throw new Error('no frontline database on this phone');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        return await new Promise<StoredReviewItem>((resolve, reject) => {
          const tx = db.transaction('reviews', 'readwrite');
          const store = tx.objectStore('reviews');
          let item: StoredReviewItem;
          const get = store.get(reviewKey);
          get.onsuccess = () => {
            if (!get.result) return reject(new Error(`no review item ${reviewKey}`));
            item = due ? { ...get.result, due_at: new Date(Date.now() - 60_000).toISOString() } : get.result;
            if (due) store.put(item);
          };
          tx.oncomplete = () => resolve(item);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { reviewKey: key, due: makeDue },
  );
}

/** Moves a review item's due date a minute into the past, as if its day had come. */
export function makeReviewDue(page: Page, key: string): Promise<StoredReviewItem> {
  return withReviewItem(page, key, true);
}

export function reviewItem(page: Page, key: string): Promise<StoredReviewItem> {
  return withReviewItem(page, key, false);
}
