/**
 * What every benchmark group shares: the Metric shape `npm run bench` prints and
 * writes to bench-results.json, the median-of-N timing loop, and progress output.
 * stdout carries only the JSON metric lines; everything else goes to stderr.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { BenchOrg } from './generate-org';

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  /** null when the figure is only printed, not judged. */
  target: number | null;
  better: 'lower' | 'higher';
}

/** What a metric group gets to measure with. */
export interface BenchContext {
  /** The database as its owner. */
  pool: Pool;
  /** The HTTP API (supabase-js talks to this); the service role key is the push sender's. */
  api: { url: string; anonKey: string; serviceRoleKey: string };
  org: BenchOrg;
}

/** One area of figures (db., api., app., sync.); the runner prints them in order. */
export interface MetricGroup {
  name: string;
  run(context: BenchContext): Promise<Metric[]>;
}

export interface SampleOptions {
  /** Measured runs; the median of these is the figure. */
  runs?: number;
  /** Runs made first and thrown away (plan caches, buffers, JIT). */
  warmups?: number;
}

export const DEFAULT_RUNS = positiveInt(process.env.BENCH_RUNS) ?? 9;
export const DEFAULT_WARMUPS = positiveInt(process.env.BENCH_WARMUPS) ?? 2;
/** Runs of the browser figures that need a fresh profile (and often a fresh member) each. */
export const BROWSER_RUNS = positiveInt(process.env.BENCH_BROWSER_RUNS) ?? 3;

const started = performance.now();

/** A progress line on stderr, stamped with seconds since the bench started. */
export function progress(line: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);
}

/** Runs `work` and answers how long it took in milliseconds, with its result. */
export async function timed<T>(work: () => PromiseLike<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * Median of `runs` samples after `warmups` discarded ones. `sample(i)` times
 * itself and answers milliseconds, so per-run setup and checks stay outside the
 * measured span; i counts from 0 across warm-ups and runs.
 */
export async function medianOf(label: string, sample: (i: number) => Promise<number>, options: SampleOptions = {}): Promise<number> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const warmups = options.warmups ?? DEFAULT_WARMUPS;
  const times: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const ms = await sample(i);
    if (i >= warmups) times.push(ms);
  }
  const value = median(times);
  progress(`${label}: median ${round(value)} ms of ${runs} (min ${round(Math.min(...times))}, max ${round(Math.max(...times))})`);
  return value;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Two decimals: enough for milliseconds, and stable in the JSON output. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function metric(name: string, value: number, unit: string, target: number | null, better: Metric['better'] = 'lower'): Metric {
  return { metric: name, value: round(value), unit, target, better };
}

export function printMetric(m: Metric): void {
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

export function missedTarget(m: Metric): boolean {
  if (m.target === null) return false;
  return m.better === 'lower' ? m.value > m.target : m.value < m.target;
}

function positiveInt(text: string | undefined): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
