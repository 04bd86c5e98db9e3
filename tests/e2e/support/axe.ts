/**
 * axe-core in the page under test: injected from node_modules (no network),
 * run on the whole document with the WCAG 2.x A/AA rules and best practices,
 * and its serious and critical findings turned into readable lines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

// Evaluated through the DevTools protocol rather than added as a <script>: the app's
// Content-Security-Policy (rightly) refuses scripts it did not ship.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

export async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
}

/** Violations at or above "serious", one block each: rule, impact, help, and each offending element with why. */
export function blockingViolations(results: AxeResults): Result[] {
  return results.violations.filter((v) => v.impact != null && BLOCKING.includes(v.impact));
}

export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}
