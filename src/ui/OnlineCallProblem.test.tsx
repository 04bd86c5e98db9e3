import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from './i18n/I18nProvider';
import { loadLocale } from './i18n/i18n';
import type { Locale } from './i18n/messages';
import { OnlineCallProblem } from './OnlineCallProblem';
import type { OnlineFailure } from './use-online-call';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

function shown(failure: OnlineFailure, locale: Locale = 'en', onRetry?: () => void): { text: string; retry: boolean } {
  const html = renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <OnlineCallProblem failure={failure} onRetry={onRetry} />
    </I18nProvider>,
  );
  return { text: html.match(/<p>(.*?)<\/p>/)?.[1] ?? '', retry: html.includes('<button') };
}

describe('OnlineCallProblem', () => {
  it("says no connection, not allowed, or failed with the detail, in the person's language", () => {
    expect(shown({ kind: 'offline' }).text).toBe('This needs a connection. Try again when you are online.');
    expect(shown({ kind: 'offline' }, 'es').text).toBe('Esto necesita conexión. Vuelve a intentarlo cuando estés en línea.');
    expect(shown({ kind: 'forbidden' }, 'es').text).toBe('Tu cuenta no tiene permiso para esto.');
    expect(shown({ kind: 'failed', detail: 'timeout', code: null }).text).toBe('Something went wrong: timeout');
  });

  it('offers a retry where trying again can help, never for "not allowed"', () => {
    const retry = () => undefined;
    expect(shown({ kind: 'offline' }, 'en', retry).retry).toBe(true);
    expect(shown({ kind: 'failed', detail: 'x', code: null }, 'en', retry).retry).toBe(true);
    expect(shown({ kind: 'forbidden' }, 'en', retry).retry).toBe(false);
    expect(shown({ kind: 'offline' }).retry).toBe(false);
  });
});
