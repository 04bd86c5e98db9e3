/**
 * Chromium for the browser tests: the system Chromium (scripts/ensure-chromium.ts)
 * driven by playwright-core, with the launch flags from DESIGN.md. newPhone() gives
 * each test a fresh profile (its own --user-data-dir, so service workers, caches and
 * IndexedDB start empty) on a phone viewport; close() removes the profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureChromium } from '../../../scripts/ensure-chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The phone the tests hold: 390x844 CSS px at 2x, touch, mobile layout. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

export type PhoneOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export interface Phone {
  context: BrowserContext;
  /** The context's first tab; open more with context.newPage(). */
  page: Page;
  /** Closes the browser and deletes its profile directory. */
  close(): Promise<void>;
}

/** A headless Chromium without a persistent profile (each context is a fresh one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}

/** A fresh phone: new profile directory, phone viewport, service workers allowed. `options` override the defaults. */
export async function newPhone(options: PhoneOptions = {}): Promise<Phone> {
  const profile = await mkdtemp(join(tmpdir(), 'frontline-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: ensureChromium(),
      headless: true,
      args: [...CHROMIUM_ARGS],
      ...PHONE,
      serviceWorkers: 'allow',
      ...options,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closing: Promise<void> | undefined;
  return {
    context,
    page,
    close() {
      closing ??= (async () => {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
