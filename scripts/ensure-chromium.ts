/**
 * Finds the Chromium the browser tests drive: CHROME_PATH if set, else the Debian
 * package's /usr/bin/chromium. When that is missing and we are root with apt-get, it
 * installs the `chromium` package; otherwise it throws one line saying how to fix it.
 * The browser tests are never skipped for want of a browser.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_NOT_FOUND = 'Chromium not found: install it with "apt-get install -y chromium" or set CHROME_PATH';

/** What ensureChromium touches in the outside world; tests replace it. */
export interface ChromiumHost {
  env: NodeJS.ProcessEnv;
  defaultPath: string;
  isExecutable(path: string): boolean;
  /** Root on Linux with apt-get available. */
  canInstall(): boolean;
  /** Runs an apt-get command with inherited stdio; false when it failed. */
  aptGet(args: string[]): boolean;
}

let aptUpdated = false;

const systemHost: ChromiumHost = {
  env: process.env,
  defaultPath: DEFAULT_CHROMIUM_PATH,
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  canInstall() {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  },
  aptGet(args) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return result.status === 0;
  },
};

/** The Chromium executable to launch; installs it when it can, else throws one line. */
export function ensureChromium(overrides: Partial<ChromiumHost> = {}): string {
  const host: ChromiumHost = { ...systemHost, ...overrides };
  const configured = host.env.CHROME_PATH?.trim();
  if (configured) {
    if (host.isExecutable(configured)) return configured;
    throw new Error(`${CHROMIUM_NOT_FOUND} (CHROME_PATH=${configured} is not an executable file)`);
  }
  if (host.isExecutable(host.defaultPath)) return host.defaultPath;
  if (!host.canInstall()) throw new Error(CHROMIUM_NOT_FOUND);
  console.log('frontline: Chromium is missing; installing the Debian package "chromium"');
  if (!aptUpdated) {
    if (!host.aptGet(['update'])) throw new Error(`${CHROMIUM_NOT_FOUND} (apt-get update failed)`);
    aptUpdated = true;
  }
  if (!host.aptGet(['install', '-y', 'chromium']) || !host.isExecutable(host.defaultPath)) {
    throw new Error(`${CHROMIUM_NOT_FOUND} (apt-get install -y chromium failed)`);
  }
  return host.defaultPath;
}
