/** Labelled groups of radios and checkboxes (fieldset + legend), as big rows one thumb can hit. */
import type { ReactNode } from 'react';

export interface Option<V extends string> {
  value: V;
  label: string;
}

interface GroupProps<V extends string> {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly Option<V>[];
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function GroupText({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: GroupProps<V> & {
  value: V;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="choice compose-group" id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <GroupText id={id} hint={hint} error={error} />
      <div className="choice__options">
        {options.map((option) => (
          <label key={option.value} className="choice__option">
            <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
}: GroupProps<V> & {
  values: readonly V[];
  onChange(values: V[]): void;
}) {
  const toggle = (value: V, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset className="choice compose-group" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <GroupText id={id} hint={hint} error={error} />
      <div className="choice__options">
        {options.map((option) => (
          <label key={option.value} className="choice__option">
            <input type="checkbox" value={option.value} checked={values.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
