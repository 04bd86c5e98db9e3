/**
 * The page's side of a notification click: the service worker asks an open window to
 * show an address (src/sw/push.ts), and the app's own router takes it there, so the
 * history stays the app's and a signed-out page lands there after sign-in. Loaded
 * with the worker's registration, after the first render.
 */
import type { WorkerToPage } from '../sw/push';
import { go } from '../ui/router/history';

export function listenToWorker(container: ServiceWorkerContainer): void {
  container.addEventListener('message', (event: MessageEvent<WorkerToPage | undefined>) => {
    const message = event.data;
    // Only the app's own paths: the worker already checked, and a page trusts no more than it must.
    if (message?.type === 'OPEN_PATH' && message.path.startsWith('/') && !message.path.startsWith('//')) go(message.path);
  });
}
