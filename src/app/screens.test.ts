/**
 * A screen never renders raw keys: each entry of the table loads the section
 * whose words its feature folder uses. Components and sections are told apart
 * by identity against every feature module and section file, found by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SectionMessagesModule } from '../ui/i18n/types';
import { SCREENS, type ScreenEntry } from './screens';

const featureModules = import.meta.glob<Record<string, unknown>>(['../features/*/*.tsx', '!../features/*/*.test.tsx'], { eager: true });
const sectionFiles = import.meta.glob<SectionMessagesModule>('../ui/i18n/sections/*.ts', { eager: true });
const SECTION_NAMES = Object.keys(sectionFiles).map((file) => /(\w+)\.ts$/.exec(file)![1]!);
const FEATURES = new URL('../features/', import.meta.url).pathname;

function featureOf(component: unknown): string | null {
  const file = Object.entries(featureModules).find(([, exports]) => Object.values(exports).includes(component))?.[0];
  return file ? /features\/(\w+)\//.exec(file)![1]! : null;
}

/** The sections whose keys a feature folder's code names ('learn.title' is the learn section's). */
function sectionsUsedBy(feature: string): string[] {
  const dir = join(FEATURES, feature);
  const text = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return SECTION_NAMES.filter((name) => new RegExp(`['"\`]${name}\\.\\w`).test(text));
}

describe('screens and their messages', () => {
  const lazyEntries = (Object.entries(SCREENS) as Array<[string, ScreenEntry]>).filter(([, entry]) => entry.load);

  it('each lazily loaded screen brings the section its feature uses, and no other', async () => {
    for (const [id, entry] of lazyEntries) {
      const feature = featureOf(await entry.load!());
      if (feature === null) continue; // the shell's own screens (More) use core words only
      const section = entry.messages ? await entry.messages() : null;
      const named = Object.entries(sectionFiles)
        .filter(([, file]) => file === section)
        .map(([file]) => /(\w+)\.ts$/.exec(file)![1]!);
      expect({ id, sections: named }).toEqual({ id, sections: sectionsUsedBy(feature) });
    }
  });

  it('finds the feature of a screen, so the check above is not empty', async () => {
    expect(featureOf(await SCREENS.lesson.load())).toBe('learn');
    expect(sectionsUsedBy('learn')).toEqual(['learn']);
    expect(sectionsUsedBy('today')).toEqual([]);
  });
});
