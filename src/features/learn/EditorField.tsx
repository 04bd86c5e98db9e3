import { fieldId } from './problem-text';

/** One labelled input or text area of the lesson editor, with its hint and its problem read out with it. */
export function EditorField({
  field,
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  type = 'text',
  inputMode,
  lang,
}: {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
  inputMode?: 'numeric';
  /** The language typed in, when it is not the screen's (a translation). */
  lang?: string;
}) {
  const id = fieldId(field);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  return (
    <div className="editor-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={id} lang={lang} value={value} aria-invalid={invalid} aria-describedby={describedBy} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          id={id}
          lang={lang}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          type={type}
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Move up, move down and remove for one item of a list (cards, questions), named after the item for screen readers. */
export function ItemTools({
  item,
  index,
  count,
  onMove,
  onRemove,
  t,
}: {
  item: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
  t: { up: string; down: string; remove: string };
}) {
  return (
    <div className="item-tools">
      <button type="button" aria-label={t.up} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button type="button" aria-label={t.down} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        ↓
      </button>
      <button type="button" className="danger" aria-label={t.remove} onClick={onRemove} data-item={item}>
        ✕
      </button>
    </div>
  );
}
