import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingAckStatus } from '../../data/supabase/types';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { loadLocale, registerMessages } from '../../ui/i18n/i18n';
import type { Locale } from '../../ui/i18n/messages';
import composeMessages from '../../ui/i18n/sections/compose';
import { PendingPeople, PushReachLine } from './AckReach';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

// The router loads the section with its screen; here the test does.
registerMessages(composeMessages);

const people: BriefingAckStatus['pending'] = [
  { member_id: '3e000000-0000-4000-8000-000000000004', display_name: 'Alex Kim', store_name: 'Downtown', department_name: 'Sales floor', notifications: true },
  { member_id: '3e000000-0000-4000-8000-000000000005', display_name: 'Sam Ortiz', store_name: 'Downtown', department_name: null, notifications: false },
];

function text(html: string): string {
  return html
    .replace(/<li>/g, ' | ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function line(push: BriefingAckStatus['push'], pending: number, locale: Locale = 'en'): string {
  return text(
    renderToStaticMarkup(
      <I18nProvider locale={locale}>
        <PushReachLine push={push} pending={pending} />
      </I18nProvider>,
    ),
  );
}

function list(locale: Locale = 'en'): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <PendingPeople people={people} overdue={false} />
    </I18nProvider>,
  );
}

describe('PushReachLine', () => {
  it('says on how many devices, how many wait, and how many people have notifications off', () => {
    expect(line({ devices_notified: 12, devices_waiting: 3, pending_without_notifications: 2 }, 5)).toBe(
      'Notified on 12 devices · 3 waiting to be sent · 2 people have notifications off',
    );
    expect(line({ devices_notified: 1, devices_waiting: 1, pending_without_notifications: 1 }, 1)).toBe(
      'Notified on 1 device · 1 waiting to be sent · 1 person has notifications off',
    );
    expect(line({ devices_notified: 12, devices_waiting: 3, pending_without_notifications: 2 }, 5, 'es')).toBe(
      'Avisado en 12 dispositivos · 3 en espera de envío · 2 personas tienen los avisos desactivados',
    );
  });

  it('leaves out nothing waiting, and notifications off once everyone has acknowledged', () => {
    expect(line({ devices_notified: 0, devices_waiting: 0, pending_without_notifications: 4 }, 4)).toBe(
      'Notified on 0 devices · 4 people have notifications off',
    );
    expect(line({ devices_notified: 1200, devices_waiting: 0, pending_without_notifications: 0 }, 0)).toBe('Notified on 1,200 devices');
  });
});

describe('PendingPeople', () => {
  it('marks in words those with notifications off, and only them', () => {
    const html = list();
    expect(text(html)).toBe('| Alex Kim Sales floor · Downtown | Sam Ortiz No department · Downtown No notifications');
    expect(html.match(/data-testid="no-notifications"/g)).toHaveLength(1);
    // The icon is decoration beside the words, hidden from screen readers.
    expect(html).toMatch(/<span class="compose-reach__badge" data-testid="no-notifications"><svg [^>]*aria-hidden="true"/);
    expect(text(list('es'))).toContain('Sam Ortiz Sin departamento · Downtown Sin avisos');
  });
});
