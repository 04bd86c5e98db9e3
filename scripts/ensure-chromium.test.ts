import { describe, expect, it, vi } from 'vitest';
import { CHROMIUM_NOT_FOUND, type ChromiumHost, ensureChromium } from './ensure-chromium';

function host(overrides: Partial<ChromiumHost>): Partial<ChromiumHost> {
  return { env: {}, defaultPath: '/usr/bin/chromium', isExecutable: () => false, canInstall: () => false, aptGet: () => true, ...overrides };
}

describe('ensureChromium', () => {
  it('uses CHROME_PATH when it names an executable', () => {
    expect(ensureChromium(host({ env: { CHROME_PATH: '/opt/chrome' }, isExecutable: (path) => path === '/opt/chrome' }))).toBe('/opt/chrome');
  });

  it('rejects a CHROME_PATH that is not executable, in one line', () => {
    expect(() => ensureChromium(host({ env: { CHROME_PATH: '/nope' } }))).toThrow(/^Chromium not found: .*CHROME_PATH=\/nope/);
  });

  it('uses the system Chromium when present, installing nothing', () => {
    const aptGet = vi.fn(() => true);
    expect(ensureChromium(host({ isExecutable: (path) => path === '/usr/bin/chromium', aptGet }))).toBe('/usr/bin/chromium');
    expect(aptGet).not.toHaveBeenCalled();
  });

  it('installs the Debian package when missing and allowed', () => {
    let installed = false;
    const aptGet = vi.fn((args: string[]) => {
      if (args[0] === 'install') installed = true;
      return true;
    });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(ensureChromium(host({ canInstall: () => true, isExecutable: () => installed, aptGet }))).toBe('/usr/bin/chromium');
    log.mockRestore();
    expect(aptGet).toHaveBeenLastCalledWith(['install', '-y', 'chromium']);
  });

  it('says how to install it when it cannot install, never returning quietly', () => {
    expect(() => ensureChromium(host({}))).toThrow(new Error(CHROMIUM_NOT_FOUND));
    expect(CHROMIUM_NOT_FOUND).not.toContain('\n');
  });
});
