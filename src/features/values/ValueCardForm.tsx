import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ContentLanguage, otherLanguage } from '../../domain/content-language';
import {
  translationProblems,
  translationStarted,
  type ValueCardDraft,
  type ValueCardProblem,
  type ValueCardTexts,
  valueCardProblems,
} from '../../domain/value-card-draft';
import { Fold } from '../../ui/Fold';
import { useT } from '../../ui/i18n/I18nProvider';
import type { PlainKey } from '../../ui/i18n/messages';

const PROBLEM_TEXT = {
  title_required: 'values.form.titleRequired',
  title_too_long: 'values.form.titleTooLong',
  statement_required: 'values.form.statementRequired',
  statement_too_long: 'values.form.statementTooLong',
  on_the_floor_too_long: 'values.form.floorTooLong',
  too_many_examples: 'values.form.tooManyExamples',
  example_too_long: 'values.form.exampleTooLong',
} as const satisfies Record<ValueCardProblem, PlainKey>;

type Field = keyof ValueCardTexts;
const FIELD_OF = {
  title_required: 'title',
  title_too_long: 'title',
  statement_required: 'statement',
  statement_too_long: 'statement',
  on_the_floor_too_long: 'onTheFloor',
  too_many_examples: 'examples',
  example_too_long: 'examples',
} as const satisfies Record<ValueCardProblem, Field>;

export interface ValueCardFormProps {
  initial: ValueCardDraft;
  /** The language the card is written in (fixed once it exists); the translation is in the other one. */
  language: ContentLanguage;
  editing: boolean;
  working: boolean;
  onSave(draft: ValueCardDraft): void;
  onCancel(): void;
}

type Part = 'original' | 'translation';

/** HR writes or edits one values card, and its version in the other language; the limits are checked here first, the server checks again. */
export function ValueCardForm({ initial, language, editing, working, onSave, onCancel }: ValueCardFormProps) {
  const t = useT();
  const id = useId();
  const other = otherLanguage(language);
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Record<Part, readonly ValueCardProblem[]>>({ original: [], translation: [] });
  const [translationOpen, setTranslationOpen] = useState(() => translationStarted(initial));
  const errorFor = (part: Part, field: Field) => problems[part].find((p) => FIELD_OF[p] === field);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaces the list: start at its heading, for a screen reader and a thumb alike.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { original: valueCardProblems(draft), translation: translationProblems(draft) };
    setProblems(found);
    if (found.translation.length > 0) setTranslationOpen(true);
    const first = found.original[0]
      ? `${id}-original-${FIELD_OF[found.original[0]]}`
      : found.translation[0]
        ? `${id}-translation-${FIELD_OF[found.translation[0]]}`
        : null;
    if (first) requestAnimationFrame(() => document.getElementById(first)?.focus());
    else onSave(draft);
  }

  function field(part: Part, name: Field, label: PlainKey, multiline: boolean, hint?: PlainKey) {
    const error = errorFor(part, name);
    const texts = part === 'original' ? draft : draft.translation;
    const inputId = `${id}-${part}-${name}`;
    const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
    const props = {
      id: inputId,
      value: texts[name],
      lang: part === 'translation' ? other : undefined,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      onChange: (event: { target: { value: string } }) =>
        setDraft((d) => (part === 'original' ? { ...d, [name]: event.target.value } : { ...d, translation: { ...d.translation, [name]: event.target.value } })),
    };
    return (
      <div className="values-field">
        <label htmlFor={inputId}>
          {part === 'original' ? t(label) : t('values.form.inLanguage', { field: t(label), language: t(`briefing.language.${other}`) })}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="field-hint">
            {t(hint)}
          </p>
        ) : null}
        {multiline ? <textarea rows={name === 'statement' ? 3 : 4} {...props} /> : <input type="text" {...props} />}
        {error ? (
          <p id={`${inputId}-error`} className="field-error">
            {t(PROBLEM_TEXT[error])}
          </p>
        ) : null}
      </div>
    );
  }

  function fields(part: Part) {
    return (
      <>
        {field(part, 'title', 'values.form.title', false)}
        {field(part, 'statement', 'values.form.statement', true)}
        {field(part, 'onTheFloor', 'values.form.onTheFloor', true)}
        {field(part, 'examples', 'values.form.examples', true, 'values.form.examplesHint')}
      </>
    );
  }

  return (
    <form className="values-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t(editing ? 'values.form.editHeading' : 'values.form.newHeading')}
      </h3>
      {fields('original')}
      <Fold
        label={t('values.form.translation.heading')}
        line={t(translationStarted(draft) ? `values.form.translation.added.${other}` : `values.form.translation.add.${other}`)}
        open={translationOpen}
        onToggle={setTranslationOpen}
        problem={problems.translation.length > 0 ? t('values.form.translation.problem') : null}
      >
        <p className="field-hint">{t('values.form.translation.hint')}</p>
        {fields('translation')}
      </Fold>
      <div className="values-actions">
        <button type="submit" className="primary" disabled={working}>
          {t(working ? 'values.edit.working' : 'values.form.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={working}>
          {t('values.form.cancel')}
        </button>
      </div>
    </form>
  );
}
