/**
 * The installable, offline app shell: the manifest is linked and complete, Chromium
 * reports the app installable, and after one visit the app loads with no network.
 * Needs nothing from the screens beyond the #root element.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { newPhone, type Phone } from './support/browser';
import { waitForServiceWorker } from './support/service-worker';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const { appUrl, apiUrl } = inject('e2e');

describe('PWA shell', () => {
  let phone: Phone;
  beforeEach(async () => {
    phone = await newPhone();
  });
  afterEach(async () => {
    await phone.close();
  });

  it('links a complete manifest whose icons are served', async () => {
    const { page } = phone;
    await page.goto(appUrl);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href ?? '', appUrl);
    const response = await page.request.get(manifestUrl.href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Frontline',
      short_name: 'Frontline',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0b3d2e',
      background_color: '#ffffff',
    });
    expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type'], icon.src).toBe('image/png');
    }
  });

  it('is installable by Chromium and starts offline after one visit', async () => {
    const { context, page } = phone;
    await page.goto(appUrl);
    await waitForServiceWorker(page);

    const cdp = await context.newCDPSession(page);
    const { errors, url } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(new URL('/manifest.webmanifest', appUrl).href);
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await cdp.detach();

    await context.setOffline(true);
    await page.reload();
    expect(await page.title()).toBe('Frontline');
    await expect.poll(() => page.locator('#root').count()).toBe(1);
    // An app route that was never visited is answered by the precached shell too.
    await page.goto(new URL('/some/app/route', appUrl).href);
    expect(await page.locator('#root').count()).toBe(1);
    // API traffic is never answered from a cache: offline it fails.
    const api = await page.evaluate(
      (health) =>
        fetch(health).then(
          () => 'answered',
          () => 'failed',
        ),
      `${apiUrl}/auth/v1/health`,
    );
    expect(api).toBe('failed');
    await context.setOffline(false);
  });
});
