/**
 * The Values tab: the values cards to step through, kudos to give and the
 * wall they land on (all offline, from the phone's copy), and for managers and
 * HR the recognition report, for HR the card editor (both online only).
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { useSideDataRefresh } from '../../ui/use-side-data-refresh';
import { KudosForm } from './KudosForm';
import { KudosWall } from './KudosWall';
import { RecognitionReport } from './RecognitionReport';
import { type Section, sectionsFor } from './sections';
import { ValueCardDeck } from './ValueCardDeck';
import { ValuesEditor } from './ValuesEditor';
import './values.css';

const VALUES_COPIES = ['store_kudos', 'store_roster'] as const;

const SECTION_LABEL = {
  cards: 'values.section.cards',
  give: 'values.section.give',
  wall: 'values.section.wall',
  report: 'values.section.report',
  edit: 'values.section.edit',
} as const satisfies Record<Section, string>;

const SECTION_HEADING = {
  cards: 'values.section.cards',
  give: 'values.give.heading',
  wall: 'values.section.wall',
  report: 'values.report.heading',
  edit: 'values.edit.heading',
} as const satisfies Record<Section, string>;

export function ValuesScreen() {
  const { me } = useSession();
  const t = useT();
  const sections = sectionsFor(me?.role);
  const [section, setSection] = useState<Section>('cards');
  const [kudosValue, setKudosValue] = useState<string | null>(null);
  const [justSent, setJustSent] = useState(false);
  // The wall and the roster fresh while the tab is open, so a confirmed kudos shows soon.
  useSideDataRefresh(VALUES_COPIES);

  // Each section starts at its heading, so a screen reader and a thumb both land at the top of what changed.
  const shown = useRef(section);
  useEffect(() => {
    if (shown.current === section) return;
    shown.current = section;
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('.values h2[tabindex="-1"]')?.focus();
  }, [section]);

  function open(next: Section, valueCardId: string | null = null, sent = false) {
    setKudosValue(valueCardId);
    setJustSent(sent);
    setSection(next);
  }

  return (
    <section className="values" aria-labelledby="values-heading">
      <h1 id="values-heading">{t('values.title')}</h1>
      <fieldset className="bare values-sections" aria-label={t('values.sections')}>
        {sections.map((name) => (
          <button key={name} type="button" aria-pressed={section === name} onClick={() => open(name)}>
            {t(SECTION_LABEL[name])}
          </button>
        ))}
      </fieldset>
      <h2 className="values-section-heading" tabIndex={-1}>
        {t(SECTION_HEADING[section])}
      </h2>
      {section === 'cards' ? <ValueCardDeck onGiveKudos={(id) => open('give', id)} /> : null}
      {section === 'give' ? <KudosForm key={kudosValue ?? ''} initialValue={kudosValue} onSent={() => open('wall', null, true)} /> : null}
      {section === 'wall' ? <KudosWall justSent={justSent} /> : null}
      {section === 'report' ? <RecognitionReport /> : null}
      {section === 'edit' ? <ValuesEditor /> : null}
    </section>
  );
}
