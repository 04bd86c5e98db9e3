/**
 * What a phone's first visit to the sign-in page moves over the wire, with a fresh
 * profile. app.first_visit_transfer_kb is what the page itself loads before it can be
 * used (the document, its scripts and styles, manifest, icons and sw.js: Chromium's
 * encoded bytes per request, headers included). app.first_visit_with_precache_kb adds
 * what the service worker then downloads in the background so every screen works
 * offline; it is counted at the TCP level by a proxy in front of the app server, since
 * the page's network events do not see the worker's fetches.
 */
import { type AddressInfo, createConnection, createServer } from 'node:net';
import { SignInPage } from '../e2e/pages/signin-page';
import { newPhone } from '../e2e/support/browser';
import { waitForServiceWorker } from '../e2e/support/service-worker';
import { BROWSER_RUNS, type Metric, metric, progress } from './measure';

/** The visit is over once nothing has crossed the wire for this long. */
const QUIET_MS = 1_000;

interface CountingProxy {
  url: string;
  /** Bytes sent by the app server so far. */
  received(): number;
  /** When the app server last sent anything (performance.now()). */
  lastActivity(): number;
  close(): Promise<void>;
}

function countingProxy(target: URL): Promise<CountingProxy> {
  let received = 0;
  let lastActivity = performance.now();
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      lastActivity = performance.now();
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received: () => received,
        lastActivity: () => lastActivity,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
          }),
      });
    });
  });
}

async function oneVisit(appUrl: string): Promise<{ page: number; total: number }> {
  const proxy = await countingProxy(new URL(appUrl));
  const phone = await newPhone();
  try {
    let page = 0;
    const cdp = await phone.context.newCDPSession(phone.page);
    cdp.on('Network.loadingFinished', (event) => {
      page += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await new SignInPage(phone.page).open(proxy.url);
    await waitForServiceWorker(phone.page);
    while (performance.now() - proxy.lastActivity() < QUIET_MS) await new Promise((done) => setTimeout(done, 100));
    return { page, total: proxy.received() };
  } finally {
    await phone.close();
    await proxy.close();
  }
}

function medianKb(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]! / 1024;
}

export async function measureFirstVisitTransfer(appUrl: string): Promise<Metric[]> {
  const visits: { page: number; total: number }[] = [];
  for (let run = 0; run < BROWSER_RUNS; run++) visits.push(await oneVisit(appUrl));
  progress(
    `  first visit: ${visits.map(({ page, total }) => `${(page / 1024).toFixed(1)} KB page / ${(total / 1024).toFixed(1)} KB with precache`).join(', ')}`,
  );
  return [
    metric('app.first_visit_transfer_kb', medianKb(visits.map((visit) => visit.page)), 'KB', 170, 'lower'),
    metric('app.first_visit_with_precache_kb', medianKb(visits.map((visit) => visit.total)), 'KB', null, 'lower'),
  ];
}
