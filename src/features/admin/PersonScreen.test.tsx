import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MemberProfile } from '../../data/supabase/types';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { registerMessages } from '../../ui/i18n/i18n';
import adminMessages from '../../ui/i18n/sections/admin';
import { type Session, SessionContext } from '../../ui/session-context';
import { PersonScreen } from './PersonScreen';

registerMessages(adminMessages);

const DOWNTOWN = '5a000000-0000-4000-8000-000000000001';

function me(role: MemberProfile['role']): MemberProfile {
  return {
    member_id: '3e000000-0000-4000-8000-000000000002',
    user_id: '00000000-0000-4000-8000-000000000002',
    display_name: 'Dana Moss',
    email: null,
    role,
    locale: 'es',
    organization: { id: '0a000000-0000-4000-8000-000000000001', name: 'Demo Retail' },
    store: { id: DOWNTOWN, name: 'Downtown', time_zone: 'America/New_York' },
    department: null,
    managed_store_ids: role === 'manager' ? [DOWNTOWN] : [],
    answered_pulse_ids: [],
  };
}

function newPersonForm(role: MemberProfile['role']): string {
  // The services have not loaded (api null): the form draws from what the session knows.
  const session = { me: me(role), api: null } as unknown as Session;
  return renderToStaticMarkup(
    <SessionContext.Provider value={session}>
      <I18nProvider locale="en">
        <PersonScreen params={{}} />
      </I18nProvider>
    </SessionContext.Provider>,
  );
}

const options = (html: string, id: string) => {
  const select = html.slice(html.indexOf(`<select id="${id}"`), html.indexOf('</select>', html.indexOf(`<select id="${id}"`)));
  return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
};

describe('the person form', () => {
  it('offers a manager the staff role only, and no stores to run', () => {
    const html = newPersonForm('manager');
    expect(options(html, 'person-role')).toEqual(['Staff']);
    expect(html).not.toContain('Stores they run');
    // A manager's new person starts in the store they run, with no "No store" choice.
    expect(html).toContain(`<option value="${DOWNTOWN}" selected="">`);
    expect(options(html, 'person-storeId')).not.toContain('No store');
  });

  it('offers HR every role and "No store"', () => {
    const html = newPersonForm('hr');
    expect(options(html, 'person-role')).toEqual(['Staff', 'Manager', 'HR', 'Administrator']);
    expect(options(html, 'person-storeId')).toEqual(['No store']);
  });

  it('labels every field and says the form needs the connection', () => {
    const html = newPersonForm('hr');
    for (const id of [
      'person-displayName',
      'person-employeeId',
      'person-email',
      'person-phone',
      'person-storeId',
      'person-departmentId',
      'person-role',
      'person-locale',
    ])
      expect(html, id).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
    expect(html).toContain('These changes need the connection: nothing is saved on this phone to send later.');
    // The new person's language starts as the signed-in person's.
    expect(html).toContain('<option value="es" selected="">Spanish</option>');
  });
});
