import { type ReactNode, useId } from 'react';
import './fold.css';

/**
 * A part of a form folded to one line ("Other language: Add Spanish version ▸")
 * that opens to its fields, so a long form stays short for the common case. The
 * fields stay in the page while folded (hidden), so a problem in one can open
 * the fold and focus it; a problem is also said on the folded line.
 */
export function Fold({
  id: bodyId,
  label,
  line,
  open,
  onToggle,
  problem,
  after,
  children,
}: {
  /** The id of the fields' container (the line's aria-controls); one is made up when absent. */
  id?: string;
  label: string;
  /** What is chosen or typed, in a few words. */
  line: ReactNode;
  open: boolean;
  onToggle(open: boolean): void;
  problem?: string | null;
  /** Shown under the line, open or folded (e.g. how many people the choice reaches). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const body = bodyId ?? `${id}-body`;
  return (
    <div className="fold">
      <p className="fold__label" id={`${id}-label`}>
        {label}
      </p>
      <button type="button" className="fold__line" aria-expanded={open} aria-controls={body} aria-describedby={`${id}-label`} onClick={() => onToggle(!open)}>
        <span>{line}</span>
        <span aria-hidden="true" className="fold__arrow">
          ▸
        </span>
      </button>
      {problem && !open ? <p className="field-error">{problem}</p> : null}
      {after}
      <div id={body} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
