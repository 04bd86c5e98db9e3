import { useT } from './i18n/I18nProvider';
import type { PlainKey } from './i18n/messages';
import { HOME } from './router/history';
import { Link } from './router/Link';

export type UnavailableReason = 'forbidden' | 'missing' | 'unknown';

const WORDS: Record<UnavailableReason, { title: PlainKey; body: PlainKey }> = {
  forbidden: { title: 'app.unavailable.forbidden.title', body: 'app.unavailable.forbidden.body' },
  missing: { title: 'app.unavailable.missing.title', body: 'app.unavailable.missing.body' },
  unknown: { title: 'app.unavailable.unknown.title', body: 'app.unavailable.unknown.body' },
};

/** An address this person cannot open here, said in words with a way to Today, never a blank screen. */
export function Unavailable({ reason }: { reason: UnavailableReason }) {
  const t = useT();
  const words = WORDS[reason];
  return (
    <section className="unavailable" aria-labelledby="unavailable-heading" data-testid="unavailable" data-reason={reason}>
      <h2 id="unavailable-heading">{t(words.title)}</h2>
      <p>{t(words.body)}</p>
      <Link to={HOME} className="button-link">
        {t('app.unavailable.today')}
      </Link>
    </section>
  );
}
