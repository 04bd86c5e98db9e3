/**
 * DESIGN.md's dependency direction, checked: domain imports nothing outside
 * itself; data never reaches up into screens or the app shell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1]!);
}

describe('dependency rules', () => {
  it('src/domain imports only other domain modules', () => {
    const offenders = sourceFiles(join(SRC, 'domain')).flatMap((file) =>
      importsOf(file).filter((spec) => !spec.startsWith('./')).map((spec) => `${relative(SRC, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('src/data never imports screens, the app shell or React', () => {
    const offenders = sourceFiles(join(SRC, 'data')).flatMap((file) =>
      importsOf(file).filter((spec) => /\/(features|app|ui)\//.test(spec) || spec === 'react' || spec.startsWith('react-dom'))
        .map((spec) => `${relative(SRC, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });
});
