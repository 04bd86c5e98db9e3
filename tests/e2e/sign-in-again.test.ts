/**
 * "Sign in to sync" with the way to do it (issue 9, finding 8): alex's session
 * can no longer be refreshed while an acknowledgement waits. The status bar
 * offers Sign in right there; signing in again as alex keeps his phone's data
 * and sends the waiting acknowledgement once.
 */
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';

const { appUrl, jwtSecret } = inject('e2e');
const AUTH_STORAGE_KEY = 'frontline-auth';
const REFRESH = /\/auth\/v1\/token\?grant_type=refresh_token/;
const db = new DemoDb();

/** The stored session with its access token expired a while ago (same claims, re-signed with the stack's secret). */
async function expired(sessionJson: string): Promise<string> {
  const session = JSON.parse(sessionJson) as { access_token: string; expires_at: number };
  const claims = decodeJwt(session.access_token);
  const expiredAt = Math.floor(Date.now() / 1000) - 600;
  const token = await new SignJWT({ ...claims, iat: expiredAt - 3600, exp: expiredAt })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(jwtSecret));
  return JSON.stringify({ ...session, access_token: token, expires_at: expiredAt });
}

describe('sign in to sync', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('the bar offers Sign in; signing in again keeps the waiting acknowledgement and sends it once', { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Sign in again: stock count');
    const [briefingId] = await db.createBriefings([{ title }]);
    const { context, page } = phone();
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');

    await context.setOffline(true);
    await today.acknowledge(title);
    await today.status.waitForWaiting(1);

    // The refresh token is no longer accepted (e.g. revoked), and the access token has run out.
    await context.route(REFRESH, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ code: 400, error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token: Refresh Token Not Found' }),
      }),
    );
    const stored = await page.evaluate((key) => localStorage.getItem(key), AUTH_STORAGE_KEY);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [AUTH_STORAGE_KEY, await expired(stored!)]);
    await context.setOffline(false);
    await page.reload();

    await today.status.waitForPhase('signin_required', 30_000);
    await today.status.signInButton().waitFor();
    await expect.poll(() => today.status.waiting()).toBe(1);
    await screenshot(page, 'sync-bar-sign-in');
    expect(await db.ackCounts(SEED.alexMember, [briefingId!])).toEqual(new Map([[briefingId!, 0]]));

    await context.unroute(REFRESH);
    await today.status.signInButton().click();
    await signIn.waitUntilShown();
    await signIn.signIn(DEMO.alex);
    await today.status.waitForWaiting(0, 30_000);
    await today.status.waitForPhase('idle');
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');
    await expect.poll(() => db.ackCounts(SEED.alexMember, [briefingId!])).toEqual(new Map([[briefingId!, 1]]));
  });
});
