/**
 * The dependency direction, checked: domain imports nothing outside itself;
 * data never reaches up into screens or the app shell; ui never imports the
 * shell; a feature never imports another feature; and no import cycle
 * anywhere in src/. Cycles count every static import, type-only ones too
 * (a type cycle is the same tangle, only invisible at run time); import()
 * does not count, since loading later is how the table of screens reaches
 * screens that read the table (More).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string, { dynamic = true } = {}): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(STATIC_IMPORT), ...(dynamic ? text.matchAll(DYNAMIC_IMPORT) : [])].map((m) => m[1]!);
}

/** The source file a relative specifier names, or null for a package or a non-source file (CSS). */
function resolveSource(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((path) => existsSync(path)) ?? null;
}

function offenders(dir: string, bad: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(join(SRC, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => bad(spec, file))
      .map((spec) => `${relative(SRC, file)} → ${spec}`),
  );
}

function importCycles(files: readonly string[]): string[][] {
  const edges = new Map(
    files.map((file) => [
      file,
      importsOf(file, { dynamic: false })
        .map((spec) => resolveSource(file, spec))
        .filter((f): f is string => f !== null),
    ]),
  );
  return cyclesIn(edges).map((cycle) => cycle.map((file) => relative(SRC, file)));
}

/** Cycles of a graph, each as the nodes around it, found with a depth-first walk. */
function cyclesIn(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('dependency rules', () => {
  it('src/domain imports only other domain modules', () => {
    expect(offenders('domain', (spec) => !spec.startsWith('./'))).toEqual([]);
  });

  it('src/data never imports screens, the app shell or React', () => {
    expect(offenders('data', (spec) => /\/(features|app|ui)\//.test(spec) || spec === 'react' || spec.startsWith('react-dom'))).toEqual([]);
  });

  it('src/ui never imports the app shell', () => {
    expect(offenders('ui', (spec, file) => resolveSource(file, spec)?.startsWith(join(SRC, 'app/')) === true)).toEqual([]);
  });

  it('a feature never imports another feature', () => {
    const featureOf = (path: string) => /\/features\/([^/]+)\//.exec(path)?.[1];
    expect(
      offenders('features', (spec, file) => {
        const target = resolveSource(file, spec);
        return target !== null && featureOf(target) !== undefined && featureOf(target) !== featureOf(file);
      }),
    ).toEqual([]);
  });

  it('no import cycle anywhere in src/', () => {
    expect(importCycles(sourceFiles(SRC))).toEqual([]);
  });

  it('the walk finds a cycle, however long, and only cycles', () => {
    expect(
      cyclesIn(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesIn(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
