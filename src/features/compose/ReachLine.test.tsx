import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CachedComposeDirectory } from '../../data/db';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { loadLocale, registerMessages } from '../../ui/i18n/i18n';
import type { Locale } from '../../ui/i18n/messages';
import composeMessages from '../../ui/i18n/sections/compose';
import { ReachLine } from './ReachLine';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

// The router loads the section with its screen; here the test does.
registerMessages(composeMessages);

const DOWN = '5a000000-0000-4000-8000-000000000001';
const RIVER = '5a000000-0000-4000-8000-000000000002';
const SALES = 'de000000-0000-4000-8000-000000000001';

const cached: CachedComposeDirectory = {
  key: 'directory',
  fetched_at: '2026-11-22T08:30:00Z',
  directory: {
    stores: [
      { id: RIVER, name: 'Riverside', time_zone: 'America/Chicago' },
      { id: DOWN, name: 'Downtown', time_zone: 'America/New_York' },
    ],
    departments: [{ id: SALES, name: 'Sales floor' }],
    roles: ['staff', 'manager', 'hr', 'admin'],
    reach: [
      { store_id: DOWN, department_id: SALES, role: 'staff', members: 13 },
      { store_id: DOWN, department_id: null, role: 'manager', members: 1 },
      { store_id: RIVER, department_id: null, role: 'staff', members: 1 },
    ],
  },
};

function text(directory: CachedComposeDirectory | null, storeIds: string[], locale: Locale = 'en', departmentIds: string[] = []): string {
  const html = renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <ReachLine directory={directory} audience={{ store_ids: storeIds, department_ids: departmentIds, roles: [] }} />
    </I18nProvider>,
  );
  return html
    .replace(/<li>/g, ' | ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('ReachLine', () => {
  it('names the one store an audience reaches', () => {
    expect(text(cached, [DOWN])).toMatch(/^Reaches 14 people at Downtown Staff list from /);
    expect(text(cached, [DOWN], 'en', [SALES])).toMatch(/^Reaches 13 people at Downtown/);
    expect(text(cached, [RIVER])).toMatch(/^Reaches 1 person at Riverside/);
    expect(text(cached, [DOWN], 'es')).toMatch(/^Llega a 14 personas en Downtown/);
  });

  it('gives the total and each store, by name, for several stores or the whole organisation', () => {
    expect(text(cached, [DOWN, RIVER])).toMatch(/^Reaches 15 people \| Downtown: 14 people \| Riverside: 1 person Staff list/);
    expect(text(cached, [])).toMatch(/^Reaches 15 people across the organisation \| Downtown: 14 people \| Riverside: 1 person/);
  });

  it('says plainly when the phone has never had the directory', () => {
    expect(text(null, [DOWN])).toBe('Reach shows after the first connection.');
    expect(text(null, [DOWN], 'es')).toBe('El alcance se mostrará después de la primera conexión.');
  });
});
