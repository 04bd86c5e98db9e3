import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ValueCardDraft, type ValueCardProblem, valueCardProblems } from '../../domain/value-card-draft';
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

type Field = keyof ValueCardDraft;
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
  editing: boolean;
  working: boolean;
  onSave(draft: ValueCardDraft): void;
  onCancel(): void;
}

/** HR writes or edits one values card; the limits are checked here first, the server checks again. */
export function ValueCardForm({ initial, editing, working, onSave, onCancel }: ValueCardFormProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<readonly ValueCardProblem[]>([]);
  const errorFor = (field: Field) => problems.find((p) => FIELD_OF[p] === field);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaces the list: start at its heading, for a screen reader and a thumb alike.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = valueCardProblems(draft);
    setProblems(found);
    if (found.length === 0) onSave(draft);
  }

  function field(name: Field, label: PlainKey, multiline: boolean, hint?: PlainKey) {
    const error = errorFor(name);
    const describedBy = [hint ? `${id}-${name}-hint` : '', error ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    const props = {
      id: `${id}-${name}`,
      value: draft[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      onChange: (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value })),
    };
    return (
      <div className="values-field">
        <label htmlFor={props.id}>{t(label)}</label>
        {hint ? (
          <p id={`${id}-${name}-hint`} className="field-hint">
            {t(hint)}
          </p>
        ) : null}
        {multiline ? <textarea rows={name === 'statement' ? 3 : 4} {...props} /> : <input type="text" {...props} />}
        {error ? (
          <p id={`${id}-${name}-error`} className="field-error">
            {t(PROBLEM_TEXT[error])}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <form className="values-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t(editing ? 'values.form.editHeading' : 'values.form.newHeading')}
      </h3>
      {field('title', 'values.form.title', false)}
      {field('statement', 'values.form.statement', true)}
      {field('onTheFloor', 'values.form.onTheFloor', true)}
      {field('examples', 'values.form.examples', true, 'values.form.examplesHint')}
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
