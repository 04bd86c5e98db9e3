import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { loadLocale, registerMessages } from '../i18n/i18n';
import type { Locale } from '../i18n/messages';
import pushMessages from '../i18n/sections/push';
import { DevicePushPanel, type DevicePushPanelProps } from './DevicePushPanel';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

// The push components' chunk registers its words; here the test does.
registerMessages(pushMessages);

const ON: DevicePushPanelProps = {
  state: 'on',
  busy: false,
  notice: null,
  notReaching: false,
  test: null,
  testReady: true,
  online: true,
  onTurnOn: () => undefined,
  onTurnOff: () => undefined,
  onTest: () => undefined,
};

/** What the panel shows: the state, the buttons (with "(disabled)"), the test's answer, and every warning. */
function shown(props: Partial<DevicePushPanelProps>, locale: Locale = 'en') {
  const html = renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <DevicePushPanel {...ON} {...props} />
    </I18nProvider>,
  );
  const text = (fragment = '') => fragment.replace(/<[^>]+>/g, '').trim();
  return {
    state: text(html.match(/data-testid="push-state">(.*?)<\/dd>/)?.[1]),
    buttons: [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(([, attrs, label]) => `${label}${attrs!.includes('disabled') ? ' (disabled)' : ''}`),
    result: text(html.match(/data-testid="push-test-result">(.*?)<\/div>/)?.[1]),
    warnings: [...html.matchAll(/<p[^>]*class="warning"[^>]*>(.*?)<\/p>/g)].map(([, inner]) => text(inner)),
  };
}

describe('DevicePushPanel', () => {
  it('on: Send a test notification before Turn off, and nothing said yet', () => {
    expect(shown({})).toEqual({ state: 'On', buttons: ['Send a test notification', 'Turn off'], result: '', warnings: [] });
  });

  it('says honestly what the test came to', () => {
    expect(shown({ test: { status: 'sending' } })).toMatchObject({
      buttons: ['Send a test notification (disabled)', 'Turn off'],
      result: 'Sending the test…',
    });
    expect(shown({ test: { status: 'queued' } }).result).toBe('Test sent — it should arrive within a minute.');
    expect(shown({ test: { status: 'too_soon', retryAfterSeconds: 42 } }).result).toBe('A test was sent a moment ago. Try again in 42 s.');
    expect(shown({ test: { status: 'offline' } })).toMatchObject({
      result: 'You’re offline — a test needs the connection.',
      warnings: ['You’re offline — a test needs the connection.'],
    });
  });

  it('words any other failure as every online call does', () => {
    const forbidden = { kind: 'http', status: 403, code: '42501', message: 'no', details: 'not_a_member' } as const;
    expect(shown({ test: { status: 'failed', error: forbidden } }).result).toBe('Your account is not allowed to do this.');
    const broken = { kind: 'contract', message: 'send_test_push answered an unexpected shape' } as const;
    expect(shown({ test: { status: 'failed', error: broken } }).result).toBe('Something went wrong: send_test_push answered an unexpected shape');
  });

  it('in Spanish', () => {
    expect(shown({ test: { status: 'queued' } }, 'es')).toMatchObject({
      state: 'Activados',
      buttons: ['Enviar un aviso de prueba', 'Desactivar'],
      result: 'Prueba enviada: debería llegar en menos de un minuto.',
    });
    expect(shown({ test: { status: 'too_soon', retryAfterSeconds: 7 } }, 'es').result).toBe('Se acaba de enviar una prueba. Vuelve a intentarlo en 7 s.');
  });

  it('on here but not on the server: says nothing reaches this phone and offers Turn on instead of a test', () => {
    expect(shown({ notReaching: true, test: { status: 'not_reaching' } })).toEqual({
      state: 'On',
      buttons: ['Turn on', 'Turn off'],
      result: '',
      warnings: ['Notifications are not reaching this phone: the server does not know it. Tap Turn on to set it up again.'],
    });
  });

  it('waits for the online API before a test can be asked for, and for an action to finish', () => {
    expect(shown({ testReady: false }).buttons).toEqual(['Send a test notification (disabled)', 'Turn off']);
    expect(shown({ busy: true }).buttons).toEqual(['Send a test notification (disabled)', 'Turn off (disabled)']);
  });

  it('offers no test unless this phone is on', () => {
    expect(shown({ state: 'off' }).buttons).toEqual(['Turn on']);
    expect(shown({ state: 'blocked' }).buttons).toEqual(['Turn on']);
    for (const state of ['unsupported', 'not_configured', 'needs_install', null] as const) expect(shown({ state }).buttons).toEqual([]);
    expect(shown({ state: 'off', notReaching: true }).warnings).toEqual([]);
  });

  it('warns that signing out offline turns notifications off here only', () => {
    expect(shown({ online: false }).warnings).toEqual([
      'You are offline: signing out turns notifications off on this phone now, and the server forgets it at its next send.',
    ]);
  });
});
