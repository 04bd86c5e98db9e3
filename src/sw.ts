/// <reference lib="webworker" />
/**
 * The service worker. It keeps the app shell (HTML, JS, CSS, icons, manifest) in the
 * precache so the app starts with no network, and answers every in-app navigation
 * with the precached index.html. It caches no API traffic: data lives in IndexedDB and
 * moves only through the sync engine. A new version waits until the page posts
 * {type: 'SKIP_WAITING'} (the user chose to reload), so it never swaps mid-task.
 * Push messages become notifications and a click opens their address (src/sw/push.ts).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { handleNotificationClick, handlePush } from './sw/push';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [
      // The API (normally another origin) must reach the network, never the shell.
      /^\/(rest|auth)\//,
      // A URL naming a file is not an app route: let a missing asset stay a 404.
      /\/[^/?]+\.[^/?]+$/,
    ],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

self.addEventListener('push', (event: PushEvent) => {
  event.waitUntil(handlePush(self, event.data));
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.waitUntil(handleNotificationClick(self, event.notification));
});

// Once activated (first install, or after the user accepted an update), take over open pages.
clientsClaim();
