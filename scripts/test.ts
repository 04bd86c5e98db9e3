/**
 * `npm test`: typecheck, lint and format check (Biome), then every Vitest project
 * (unit, integration, browser) in one run, then one closing line "N passed, N failed"
 * that CI can read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium';

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

// Each check stops the run on its own: a tree that does not typecheck, or drifts from the lint
// and format rules, is not worth ten minutes of browser tests.
const checks: Array<{ name: string; command: string[] }> = [
  { name: 'typecheck', command: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint and format check (npm run lint:fix repairs what it can)', command: ['biome', 'ci', '.'] },
];
for (const check of checks) {
  if (run('npx', check.command) !== 0) {
    console.error(`frontline: ${check.name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// The browser tests need Chromium: install it (root with apt-get) or stop here in one line; never skip them.
try {
  process.env.CHROME_PATH = ensureChromium();
} catch (error) {
  console.error(`frontline: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let summary: VitestJson | null = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
} catch {
  summary = null;
}
if (!summary) {
  console.log(`0 passed, 1 failed`);
  process.exit(status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
if (skipped > 0) {
  console.error(`frontline: ${skipped} tests were skipped; skipped tests are not allowed`);
}
console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
process.exit(status !== 0 || summary.numFailedTests > 0 || skipped > 0 ? 1 : 0);
