/**
 * app.initial_js_gz_kb: the JavaScript the start screen loads before its first
 * render, from the production build. Vite's manifest names the entry chunk
 * (index.html's `<script type=module>`) and its static imports (the
 * modulepreloads); each is gzipped at zlib's default level and the sizes summed.
 * Chunks reached only through import() load after the first render and are left
 * out. The per-chunk breakdown goes to stderr; scriptsSeenBeforeFirstBriefing()
 * lets a browser run check the list against what Chromium actually fetched.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readProbe } from './bench-phone';
import { type Metric, metric, progress } from './measure';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface InitialJs {
  metric: Metric;
  /** Build-relative paths (assets/index-abc.js), entry first. */
  files: string[];
}

export async function measureInitialJs(outDir: string): Promise<InitialJs> {
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'];
  if (!entry?.isEntry) throw new Error('the build manifest has no index.html entry');
  const files: string[] = [];
  const lazy = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
    if (files.includes(chunk.file)) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
    for (const dynamic of chunk.dynamicImports ?? []) lazy.add(manifest[dynamic]?.file ?? dynamic);
  };
  visit('index.html');

  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+)"/g)].map((m) => m[1]!);
  if (!sameSet(files, fromHtml)) {
    progress(`note: index.html loads ${fromHtml.join(', ') || 'no scripts'}, the manifest says ${files.join(', ')}`);
  }

  let total = 0;
  progress('app.initial_js_gz_kb: entry chunk and its static imports, gzip (zlib default level)');
  for (const file of files) {
    const code = await readFile(join(outDir, file));
    const gz = gzipSync(code).length;
    total += gz;
    progress(`  ${file}: ${kb(code.length)} KB, ${kb(gz)} KB gzip`);
  }
  for (const file of [...lazy].filter((f) => !files.includes(f))) {
    const code = await readFile(join(outDir, file));
    progress(`  (lazy, not counted) ${file}: ${kb(code.length)} KB, ${kb(gzipSync(code).length)} KB gzip`);
  }
  return { metric: metric('app.initial_js_gz_kb', total / 1024, 'KB', 120), files };
}

export interface ScriptsSeen {
  /** Build-relative paths of the app's scripts requested before the first briefing appeared. */
  requested: string[];
  /** Of those, the ones whose response had also arrived by then. */
  loaded: string[];
}

/** Reads, from a page that has shown a briefing, which of the app's scripts it had fetched by then. */
export async function scriptsSeenBeforeFirstBriefing(page: Page, appUrl: string): Promise<ScriptsSeen> {
  const probe = await readProbe(page);
  if (probe.firstBriefingAt === null) throw new Error('no briefing on screen yet');
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  );
  const origin = new URL(appUrl).origin;
  const scripts = entries.filter((e) => e.name.startsWith(`${origin}/`) && new URL(e.name).pathname.endsWith('.js'));
  const path = (e: { name: string }) => new URL(e.name).pathname.slice(1);
  const shownAt = probe.firstBriefingAt;
  return {
    requested: scripts.filter((e) => e.start < shownAt).map(path),
    loaded: scripts.filter((e) => e.end > 0 && e.end < shownAt).map(path),
  };
}

/** Prints a note on stderr when Chromium fetched other scripts than the build says the first render needs. */
export function reportScriptCheck(expected: readonly string[], seen: ScriptsSeen): void {
  if (sameSet(expected, seen.requested)) {
    progress(`checked in Chromium: the scripts requested before the first briefing are exactly ${expected.join(', ')}`);
    return;
  }
  const extra = seen.requested.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !seen.requested.includes(f));
  progress(
    `note: before the first briefing appeared Chromium requested ${seen.requested.join(', ') || 'nothing'}` +
      (extra.length
        ? `; not counted in app.initial_js_gz_kb: ${extra.join(', ')}` +
          ` (${extra.filter((f) => seen.loaded.includes(f)).length} of them fully loaded by then)`
        : '') +
      (missing.length ? `; counted but not requested: ${missing.join(', ')}` : ''),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
