/**
 * The built PWA as scripts/static-server.ts serves it (and a static host would, from
 * the build's `_headers`): security headers, no source maps, precompressed transfers
 * with the right caching, and the app itself running in Chromium under its
 * Content-Security-Policy with no violation.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerRules, headersFile, headersFor, parseHeadersFile } from '../../scripts/app-headers';
import { PER_ACCOUNT_FAILURES } from '../../supabase/local/sign-in-limits';
import { SignInPage } from '../e2e/pages/signin-page';
import { buildAndServeApp, type ServedApp } from '../e2e/support/app-server';
import { newPhone } from '../e2e/support/browser';
import { waitForServiceWorker } from '../e2e/support/service-worker';
import { createMember, DEMO, env } from './support/fixtures';

let app: ServedApp;
let files: string[];

beforeAll(async () => {
  app = await buildAndServeApp({ apiUrl: env.apiUrl, anonKey: env.anonKey });
  files = (await readdir(app.outDir, { recursive: true })).map(String);
}, 180_000);
afterAll(() => app?.close());

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.appUrl}${path}`, { headers });
}

/** The entry script index.html loads, e.g. /assets/index-AbC123.js. */
async function entryScript(): Promise<string> {
  const html = await (await get('/')).text();
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html loads no module script');
  return src;
}

describe('headers', () => {
  it("the build's _headers holds the policy for the API it was built against", async () => {
    const text = await readFile(join(app.outDir, '_headers'), 'utf8');
    expect(text).toBe(headersFile(headerRules(env.apiUrl)));
    const csp = parseHeadersFile(text).find((rule) => rule.pattern === '/*')?.headers['Content-Security-Policy'];
    expect(csp).toBe(contentSecurityPolicy(env.apiUrl));
    expect(csp).toContain(`connect-src 'self' ${new URL(env.apiUrl).origin};`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe');
  });

  it('every response, pages, assets, the service worker and 404s, carries exactly what _headers gives its path', async () => {
    const rules = parseHeadersFile(await readFile(join(app.outDir, '_headers'), 'utf8'));
    for (const path of ['/', '/today', '/sw.js', '/manifest.webmanifest', await entryScript(), '/assets/missing.js']) {
      const response = await get(path);
      const expected = headersFor(rules, path);
      expect(Object.keys(expected).length, path).toBeGreaterThan(1);
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${name} of ${path}`).toBe(value);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
    }
  });
});

describe('source maps', () => {
  it('are not built, not referenced, and not served even when one is put beside a script', async () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const script = await entryScript();
    expect(await (await get(script, { 'accept-encoding': 'identity' })).text()).not.toContain('sourceMappingURL');
    await writeFile(join(app.outDir, `${script}.map`), '{"version":3}');
    expect((await get(`${script}.map`)).status).toBe(404);
    expect((await get('/_headers')).status).toBe(404);
  });
});

describe('compression and caching', () => {
  it('a hashed script comes as brotli, gzip or plain as the browser asks, the same bytes each way, cached for good', async () => {
    const script = await entryScript();
    const plain = await readFile(join(app.outDir, script));
    const br = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(script, { 'accept-encoding': 'gzip' });
    const identity = await get(script, { 'accept-encoding': 'br;q=0, identity' });
    expect([br, gz, identity].map((r) => r.headers.get('content-encoding'))).toEqual(['br', 'gzip', null]);
    // fetch decodes content-encoding itself; compare what crossed the wire via content-length.
    const brBytes = await readFile(join(app.outDir, `${script}.br`));
    const gzBytes = await readFile(join(app.outDir, `${script}.gz`));
    expect(brotliDecompressSync(brBytes)).toEqual(plain);
    expect(gunzipSync(gzBytes)).toEqual(plain);
    expect([br, gz, identity].map((r) => Number(r.headers.get('content-length')))).toEqual([brBytes.length, gzBytes.length, plain.length]);
    expect(Buffer.from(await br.arrayBuffer())).toEqual(plain);
    expect(brBytes.length).toBeLessThan(plain.length / 3);
    for (const response of [br, gz, identity]) {
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it('index.html and sw.js are compressed too but revalidated on every visit, answering 304 while unchanged', async () => {
    for (const path of ['/', '/sw.js']) {
      const first = await get(path, { 'accept-encoding': 'br' });
      expect(first.headers.get('content-encoding'), path).toBe('br');
      expect(first.headers.get('cache-control'), path).toBe('no-cache');
      expect(first.headers.get('vary'), path).toBe('Accept-Encoding');
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag! });
      expect(again.status, path).toBe(304);
    }
  });
});

describe('in Chromium', () => {
  /** CSP violations the page reports, collected from the first script on. */
  async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
    const console: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) console.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
  }

  it('the app installs its service worker, signs in and syncs under its CSP with no violation', async () => {
    const phone = await newPhone();
    try {
      const violations = await watchViolations(phone.page);
      const signIn = new SignInPage(phone.page);
      await signIn.open(app.appUrl);
      await waitForServiceWorker(phone.page);
      await signIn.signIn(DEMO.alex);
      // Briefings on screen: the first sync reached the API through connect-src.
      await expect.poll(() => phone.page.getByTestId('briefing').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await phone.page.reload();
      await expect.poll(() => phone.page.getByTestId('briefing').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 90_000);

  it('a framing page cannot show the app', async () => {
    const phone = await newPhone();
    try {
      await phone.page.route('http://framer.test/', (route) => route.fulfill({ contentType: 'text/html', body: `<iframe src="${app.appUrl}/"></iframe>` }));
      await phone.page.goto('http://framer.test/');
      const frame = phone.page.frames().find((candidate) => candidate !== phone.page.mainFrame());
      // Chromium replaces a frame refused by frame-ancestors with its error page.
      await expect.poll(() => frame?.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
    } finally {
      await phone.close();
    }
  }, 60_000);

  it('a sign-in held by the rate limit says so in words', async () => {
    const { email } = await createMember({});
    for (let i = 0; i < PER_ACCOUNT_FAILURES; i++) {
      await fetch(`${env.apiUrl}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: env.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'guess' }),
      });
    }
    const phone = await newPhone();
    try {
      const page = phone.page;
      await new SignInPage(page).open(app.appUrl);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('frontline-demo');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
        .toBe('Too many sign-in attempts. Wait a few minutes, then try again.');
    } finally {
      await phone.close();
    }
  }, 60_000);
});
