import type { BrowserContext } from 'playwright-core';

/**
 * A phone whose clock is wrong: every page of `context` sees Date (new Date(),
 * Date.now()) run `offsetMs` off the real time, from its first script on.
 * Timers run as usual, so the app and supabase-js behave as on such a phone.
 */
export async function setDeviceClockOff(context: BrowserContext, offsetMs: number): Promise<void> {
  await context.addInitScript((offset: number) => {
    const RealDate = Date;
    class SkewedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...(args as [string]));
      }

      static override now(): number {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = SkewedDate as DateConstructor;
  }, offsetMs);
}
