import { useLiveQuery } from 'dexie-react-hooks';
import { type KeyboardEvent, useState } from 'react';
import type { ValueCard } from '../../data/supabase/types';
import { valueCardsInOrder } from '../../data/values/queries';
import { pickText } from '../../domain/content-language';
import { clampIndex, stepTo } from '../../domain/value-deck';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useLanguageChoice } from '../../ui/language-choice';
import { useSession } from '../../ui/session-context';
import { useSwipe } from './use-swipe';
import { valueTitle } from './value-title';

/**
 * One values card at a time, from the phone's copy: previous and next
 * buttons, a swipe across the card, or the arrow keys; the position is shown
 * ("2 of 5") and announced.
 */
export function ValueCardDeck({ onGiveKudos }: { onGiveKudos(valueCardId: string): void }) {
  const { db } = useSession();
  const { t, locale } = useI18n();
  const cards = useLiveQuery(() => valueCardsInOrder(db), [db]);
  const [wanted, setWanted] = useState(0);
  const count = cards?.length ?? 0;
  const index = clampIndex(wanted, count);
  // Key presses can come faster than renders: each step starts from the latest state.
  const step = (delta: -1 | 1) => setWanted((current) => stepTo(clampIndex(current, count), delta, count));
  const swipe = useSwipe(step);

  if (!cards) return null;
  if (count === 0) return <p className="empty">{t('values.deck.empty')}</p>;
  const card = cards[index]!;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'ArrowRight') step(1);
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'Home') setWanted(0);
    else if (event.key === 'End') setWanted(count - 1);
    else return;
    event.preventDefault();
  }

  return (
    // The arrow keys work wherever focus is in the deck: on the card or its buttons.
    <section className="value-deck" aria-label={t('values.section.cards')} onKeyDown={onKeyDown}>
      {/* A phone is swiped and tapped; arrow keys are only worth mentioning where there is a pointer and, likely, a keyboard. */}
      <p className="muted value-deck__hint">{t(finePointer() ? 'values.deck.hintKeys' : 'values.deck.hint')}</p>
      <p className="value-deck__announce" aria-live="polite" aria-atomic="true">
        {t('values.deck.announce', { position: index + 1, count, title: valueTitle(card, locale) })}
      </p>
      <ValueCardView card={card} swipe={swipe} onGiveKudos={() => onGiveKudos(card.id)} />
      <div className="value-deck__nav">
        <button type="button" onClick={() => step(-1)} disabled={index === 0}>
          <span aria-hidden="true">← </span>
          {t('values.deck.previous')}
        </button>
        <p className="value-deck__position" data-testid="deck-position">
          {t('values.deck.position', { position: index + 1, count })}
        </p>
        <button type="button" onClick={() => step(1)} disabled={index === count - 1}>
          {t('values.deck.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </section>
  );
}

function ValueCardView({ card, swipe, onGiveKudos }: { card: ValueCard; swipe: ReturnType<typeof useSwipe>; onGiveKudos(): void }) {
  const { t, locale } = useI18n();
  const [choice, choose] = useLanguageChoice(card.id);
  const { text, ...shown } = pickText(card, card, locale, choice);
  const headingId = `value-card-${card.id}`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the card takes focus so the arrow keys can move the deck from it and a screen reader lands on the card itself.
    <section className="value-card" aria-roledescription={t('values.card.kind')} aria-labelledby={headingId} tabIndex={0} data-testid="value-card" {...swipe}>
      <h3 id={headingId} className="value-card__title" lang={shown.language}>
        {text.title}
      </h3>
      <LanguageSwitch shown={shown} onChoose={choose} />
      <div lang={shown.language}>
        <p className="value-card__statement">{text.statement}</p>
        {text.on_the_floor ? (
          <>
            <h4>{t('values.card.onTheFloor')}</h4>
            <p>{text.on_the_floor}</p>
          </>
        ) : null}
        {text.examples.length > 0 ? (
          <>
            <h4>{t('values.card.examples')}</h4>
            <ul className="value-card__examples">
              {text.examples.map((example, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: examples are plain strings that may repeat, shown in the card's own fixed order.
                <li key={i}>{example}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <button type="button" className="primary value-card__kudos" onClick={onGiveKudos}>
        {t('values.card.giveKudos')}
      </button>
    </section>
  );
}

function finePointer(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;
}
