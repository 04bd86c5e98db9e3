import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPerson } from '../../data/supabase/types';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { loadLocale, registerMessages } from '../../ui/i18n/i18n';
import type { Locale } from '../../ui/i18n/messages';
import adminMessages from '../../ui/i18n/sections/admin';
import { Field } from './Field';
import { PeopleList } from './PeopleList';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

registerMessages(adminMessages);

const base: AdminPerson = {
  id: '3e000000-0000-4000-8000-000000000004',
  display_name: 'Alex Kim',
  employee_id: 'E1004',
  email: null,
  phone: null,
  role: 'staff',
  locale: 'en',
  active: true,
  has_login: true,
  store_id: '5a000000-0000-4000-8000-000000000001',
  store_name: 'Downtown',
  store_code: 'DTN',
  department_id: 'de000000-0000-4000-8000-000000000001',
  department_name: 'Sales floor',
  managed_store_ids: [],
  updated_at: '2026-12-05T10:00:00Z',
};
const newcomer: AdminPerson = {
  ...base,
  id: '3e000000-0000-4000-8000-000000000099',
  display_name: 'Lee Park',
  employee_id: 'E2001',
  has_login: false,
  store_name: null,
  store_id: null,
  department_name: null,
  department_id: null,
};
const leaver: AdminPerson = { ...base, id: '3e000000-0000-4000-8000-000000000098', display_name: 'Sam Ortiz', role: 'manager', active: false };

function html(people: AdminPerson[], locale: Locale = 'en'): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <PeopleList people={people} />
    </I18nProvider>,
  );
}
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('PeopleList', () => {
  it('has a table with the six columns and a row per person, each name a link to their form', () => {
    const markup = html([base, newcomer, leaver]);
    const table = markup.slice(markup.indexOf('<table'), markup.indexOf('</table>'));
    expect(text(table.slice(table.indexOf('<thead'), table.indexOf('</thead>')))).toBe('Name Employee ID Store Department Role Status');
    const rows = table.split('<tr>').slice(2).map(text);
    expect(rows).toEqual([
      'Alex Kim E1004 Downtown Sales floor Staff Active',
      'Lee Park E2001 No store No department Staff Not activated yet',
      'Sam Ortiz E1004 Downtown Sales floor Manager Deactivated',
    ]);
    expect(table).toContain(`href="/people/${base.id}"`);
    expect(table).toContain('<th scope="row">');
  });

  it('has a card per person for the phone, in the person’s language', () => {
    const markup = html([newcomer], 'es');
    const cards = markup.slice(markup.indexOf('<ul'));
    expect(text(cards)).toBe('Lee Park Aún sin activar E2001 · Personal · Sin tienda');
  });
});

describe('Field', () => {
  it('labels its control and ties hint and error to it', () => {
    const markup = renderToStaticMarkup(
      <Field id="person-email" label="Email (optional)" hint="h" error="This is not an email address.">
        {(props) => <input {...props} />}
      </Field>,
    );
    expect(markup).toContain('<label for="person-email">Email (optional)</label>');
    expect(markup).toContain('<input id="person-email" aria-describedby="person-email-hint person-email-error" aria-invalid="true"/>');
    expect(markup).toContain('<p id="person-email-error" class="error admin-field__error" aria-live="polite">This is not an email address.</p>');
    const clean = renderToStaticMarkup(
      <Field id="f" label="Name">
        {(props) => <input {...props} />}
      </Field>,
    );
    expect(clean).toContain('<input id="f"/>');
  });
});
