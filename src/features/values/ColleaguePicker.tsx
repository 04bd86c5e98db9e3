import { useId, useState } from 'react';
import type { StoreRosterEntry } from '../../data/supabase/types';
import { matchColleagues } from '../../domain/kudos';
import { useT } from '../../ui/i18n/I18nProvider';

/** Shown at most, so a big store's list stays a short scroll; typing narrows it. */
const SHOWN = 8;

export interface ColleaguePickerProps {
  roster: readonly StoreRosterEntry[];
  /** Head office has no store, so no colleagues to list. */
  inStore: boolean;
  chosen: string | null;
  onChoose(memberId: string): void;
  error: string | null;
}

/** The store's colleagues by name, from the phone's copy (works offline): type to narrow, tap to choose. */
export function ColleaguePicker({ roster, inStore, chosen, onChoose, error }: ColleaguePickerProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const matches = matchColleagues(roster, query);
  const chosenEntry = roster.find((person) => person.member_id === chosen);
  // The chosen colleague stays in view whatever is typed next.
  const shown = chosenEntry && !matches.slice(0, SHOWN).includes(chosenEntry) ? [chosenEntry, ...matches.slice(0, SHOWN - 1)] : matches.slice(0, SHOWN);

  return (
    <fieldset className="choice kudos-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('values.give.colleague')}</legend>
      {roster.length === 0 ? (
        <p className="muted">{t(inStore ? 'values.give.noRoster' : 'values.give.noStore')}</p>
      ) : (
        <>
          <label htmlFor={`${id}-search`}>{t('values.give.search')}</label>
          <input id={`${id}-search`} type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          <p className="muted kudos-picker__count" role="status">
            {matches.length === 0 ? t('values.give.noMatch', { query: query.trim() }) : t('values.give.matches', { count: matches.length })}
          </p>
          <div className="choice__options kudos-picker__options">
            {shown.map((person) => (
              <label key={person.member_id} className="choice__option">
                <input
                  type="radio"
                  name={`${id}-colleague`}
                  value={person.member_id}
                  checked={chosen === person.member_id}
                  onChange={() => onChoose(person.member_id)}
                />
                {person.display_name}
              </label>
            ))}
          </div>
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
