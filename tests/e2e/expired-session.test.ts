/**
 * An expired session while offline: alex's access token runs out while the phone
 * has no network. The app still starts with his cached briefings (a dead network
 * is not a sign-out) and takes an acknowledgement; when the network is back it
 * refreshes the session with the refresh token it kept, sends the acknowledgement
 * once, and never asks him to sign in.
 *
 * The phone stays offline longer than supabase-js keeps retrying the refresh it
 * starts with (about 30 s): after that it remembers the failure for a minute, and
 * sync must not wait out that minute once the network is back.
 */
import { decodeJwt, SignJWT } from 'jose';
import type { Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';
import { recordSyncBar } from './support/sync-bar-log';

const { appUrl, jwtSecret } = inject('e2e');
const AUTH_STORAGE_KEY = 'frontline-auth';
const db = new DemoDb();
/** Longer than supabase-js retries a failed refresh (backoff 200 ms doubling, within 30 s). */
const OFFLINE_FOR_MS = 35_000;
/** Well under the minute supabase-js remembers a failed refresh. */
const RESUME_WITHIN_MS = 20_000;

interface StoredSession {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  expires_in: number;
  [key: string]: unknown;
}

/** The same session with its access token expired `agoSeconds` ago: same claims, re-signed with the stack's secret. */
async function expire(session: StoredSession, agoSeconds: number): Promise<StoredSession> {
  const expiredAt = Math.floor(Date.now() / 1000) - agoSeconds;
  const claims = decodeJwt(session.access_token);
  const lifetime = (claims.exp ?? expiredAt) - (claims.iat ?? expiredAt);
  const accessToken = await new SignJWT({ ...claims, iat: expiredAt - lifetime, exp: expiredAt })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(jwtSecret));
  return { ...session, access_token: accessToken, expires_at: expiredAt };
}

describe('expired session', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('stays usable offline with an expired token, then refreshes it and sends the waiting acknowledgement once', { timeout: 90_000 }, async () => {
    const toAck = uniqueTitle('Expired session: cold store check');
    const other = uniqueTitle('Expired session: staff rota');
    const [toAckId] = await db.createBriefings([{ title: toAck }, { title: other }]);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    const bar = await recordSyncBar(context);
    const isRefresh = (address: string) => {
      const url = new URL(address);
      return url.pathname === '/auth/v1/token' && url.searchParams.get('grant_type') === 'refresh_token';
    };
    const refreshes: Response[] = [];
    let failedRefreshes = 0;
    context.on('response', (response) => {
      if (isRefresh(response.url())) refreshes.push(response);
    });
    context.on('requestfailed', (request) => {
      if (isRefresh(request.url())) failedRefreshes++;
    });

    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.waitForBriefing(toAck);
    await today.waitForBriefing(other);
    await today.status.waitForPhase('idle');

    // Offline, the access token runs out (the refresh token stays as it was).
    await context.setOffline(true);
    await today.status.waitForPhase('offline');
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), AUTH_STORAGE_KEY)) ?? 'null') as StoredSession | null;
    expect(stored?.refresh_token).toBeTruthy();
    const expired = await expire(stored!, 600);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [AUTH_STORAGE_KEY, JSON.stringify(expired)]);

    // Restarted offline: alex's briefings, no sign-in form; an acknowledgement waits.
    await page.reload();
    const restartedAt = Date.now();
    await today.waitForBriefing(toAck);
    await expect.poll(() => today.isListed(other)).toBe(true);
    expect(await page.getByLabel('Email').count()).toBe(0);
    await today.status.waitForPhase('offline');
    await today.acknowledge(toAck);
    await today.status.waitForWaiting(1);
    await expect.poll(() => today.ackLabel(toAck)).toBe('Acknowledged · Saved on this phone, will send');
    // Alex keeps using the app offline for a while; the refresh attempts fail and keep the session.
    await page.waitForTimeout(restartedAt + OFFLINE_FOR_MS - Date.now());
    expect(failedRefreshes).toBeGreaterThan(0);
    await today.open();
    await expect.poll(() => today.status.waiting()).toBe(1);
    const keptOffline = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), AUTH_STORAGE_KEY)) ?? 'null') as StoredSession | null;
    expect(keptOffline?.refresh_token).toBe(stored!.refresh_token);
    expect(refreshes).toHaveLength(0);
    expect(await db.ackCounts(SEED.alexMember, [toAckId!])).toEqual(new Map([[toAckId!, 0]]));

    // Back online: the session is refreshed, then the acknowledgement goes out.
    await context.setOffline(false);
    const onlineAt = Date.now();
    await expect.poll(() => refreshes.filter((response) => response.status() === 200).length, { timeout: RESUME_WITHIN_MS }).toBeGreaterThanOrEqual(1);
    await today.status.waitForWaiting(0, Math.max(1, onlineAt + RESUME_WITHIN_MS - Date.now()));
    await today.status.waitForPhase('idle');
    await expect.poll(() => today.ackLabel(toAck)).toBe('Acknowledged · Sent');
    const acks = await db.acks(SEED.alexMember, [toAckId!]);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ briefing_id: toAckId, version: 1 });

    const refreshed = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), AUTH_STORAGE_KEY)) ?? 'null') as StoredSession | null;
    expect(refreshed!.expires_at * 1000).toBeGreaterThan(Date.now());
    expect(refreshed!.access_token).not.toBe(expired.access_token);

    expect(bar.length).toBeGreaterThan(0);
    expect(bar.filter((state) => state.phase === 'signin_required' || state.text.includes('Sign in to sync'))).toEqual([]);
    expect(await page.getByLabel('Email').count()).toBe(0);
  });
});
