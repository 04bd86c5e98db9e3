import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingChoice } from '../../data/voice/queries';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { loadLocale, registerMessages } from '../../ui/i18n/i18n';
import type { Locale } from '../../ui/i18n/messages';
import voiceMessages from '../../ui/i18n/sections/voice';
import { AnonymousLinkNote } from './FeedbackForm';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

// The router loads the section with its screen; here the test does.
registerMessages(voiceMessages);

const narrow: BriefingChoice = { id: 'b1000000-0000-4000-8000-000000000009', title: 'Just for you', narrowAudience: true };
const wide: BriefingChoice = { id: 'b1000000-0000-4000-8000-000000000001', title: 'Morning huddle', narrowAudience: false };

function text(anonymous: boolean, briefing: BriefingChoice | undefined, locale: Locale = 'en'): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <AnonymousLinkNote anonymous={anonymous} briefing={briefing} />
    </I18nProvider>,
  ).replace(/<[^>]+>/g, '');
}

describe('AnonymousLinkNote', () => {
  it('tells an anonymous sender the link to a narrow briefing will be dropped', () => {
    expect(text(true, narrow)).toMatch(/fewer than 5 people.*without saying which briefing/);
    expect(text(true, narrow, 'es')).toMatch(/menos de 5 personas/);
  });

  it('says nothing when the link is kept: named feedback, a wide audience, or no briefing', () => {
    expect(text(false, narrow)).toBe('');
    expect(text(true, wide)).toBe('');
    expect(text(true, undefined)).toBe('');
  });
});
