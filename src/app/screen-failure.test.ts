import { describe, expect, it } from 'vitest';
import { diagnoseScreenFailure, failedModuleUrl } from './screen-failure';

const chunk = 'http://127.0.0.1:4173/assets/InsightsScreen-Bx1.js';
const chromiumError = new TypeError(`Failed to fetch dynamically imported module: ${chunk}`);

describe('why a screen did not open', () => {
  it('reads the module URL from Chromium and Firefox messages, and nothing from others', () => {
    expect(failedModuleUrl(chromiumError)).toBe(chunk);
    expect(failedModuleUrl(new TypeError(`error loading dynamically imported module: ${chunk}`))).toBe(chunk);
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
  });

  it('says an update is needed when the server is reachable but no longer has the file', async () => {
    const asked: string[] = [];
    const outcome = await diagnoseScreenFailure(chromiumError, true, async (url) => {
      asked.push(url);
      return { status: 404 };
    });
    expect(outcome).toBe('outdated');
    expect(asked).toEqual([chunk]);
  });

  it('says offline when the phone is offline, the server cannot be reached, or the file is there after all', async () => {
    const never = async () => {
      throw new Error('must not be asked');
    };
    expect(await diagnoseScreenFailure(chromiumError, false, never)).toBe('offline');
    expect(
      await diagnoseScreenFailure(chromiumError, true, async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe('offline');
    expect(await diagnoseScreenFailure(chromiumError, true, async () => ({ status: 200 }))).toBe('offline');
    expect(await diagnoseScreenFailure(new TypeError('Importing a module script failed.'), true, never)).toBe('offline');
  });
});
