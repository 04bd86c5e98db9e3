/**
 * app.insights_chart_gz_kb: the Reports tab's chart, a chunk of its own that
 * only that screen imports. Read from the build's Vite manifest by source path,
 * gzipped at zlib's default level like app.initial_js_gz_kb, and checked to be
 * outside the start screen's JavaScript (it must never load on Today).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Metric, metric, progress } from './measure';

export const INSIGHTS_CHART_SOURCE = 'src/features/insights/RateChart.tsx';

export async function measureInsightsChart(outDir: string, initialFiles: readonly string[]): Promise<Metric> {
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isDynamicEntry?: boolean }>;
  const chunk = manifest[INSIGHTS_CHART_SOURCE];
  if (!chunk?.isDynamicEntry) throw new Error(`${INSIGHTS_CHART_SOURCE} is not a lazily loaded chunk of its own in this build`);
  if (initialFiles.includes(chunk.file)) throw new Error(`${chunk.file} is part of the start screen's JavaScript`);
  const code = await readFile(join(outDir, chunk.file));
  const gz = gzipSync(code).length;
  progress(`app.insights_chart_gz_kb: ${chunk.file}: ${(code.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(2)} KB gzip (lazy, Reports only)`);
  return metric('app.insights_chart_gz_kb', gz / 1024, 'KB', null);
}
