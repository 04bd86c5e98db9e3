import { useMemo } from 'react';
import { markdownLines, parseMarkdown } from '../../domain/markdown';
import { diffLines } from '../../domain/text-diff';
import { useT } from '../i18n/I18nProvider';

interface Text {
  title: string;
  body: string;
}

/**
 * "What changed" between the version on screen and the one before, as the
 * lines taken out and the lines put in, in plain words. Open at once when the person had
 * acknowledged the old text, so they see why they are asked again.
 */
export function WhatChanged({
  version,
  before,
  after,
  language,
  open,
}: {
  version: number;
  before: Text;
  after: Text;
  /** The language both texts are in (the reader's, or the originals' when the version before had no translation). */
  language: string;
  open: boolean;
}) {
  const t = useT();
  // Compared as read, not as typed: "**Lock**" and "Lock" differ only in looks, and no "**" reaches the reader.
  const lines = useMemo(() => diffLines(readLines(before.body), readLines(after.body)), [before.body, after.body]);
  // A blank line put in or taken out changes nothing a reader would notice.
  const changes = lines.filter((line) => line.kind !== 'same' && line.text.trim() !== '');
  return (
    <details className="what-changed" open={open}>
      <summary>{t('briefing.changed.summary', { version })}</summary>
      {before.title !== after.title ? <p className="what-changed__title">{t('briefing.changed.titleWas', { title: before.title })}</p> : null}
      {changes.length > 0 ? (
        <ul className="what-changed__lines" lang={language}>
          {changes.map((line, i) =>
            // Keys are positions: the diff is recomputed whole from the two bodies and never
            // reordered, and the same line can be taken out or put in twice.
            line.kind === 'removed' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff line's position is its identity (see above).
              <li key={i} className="what-changed__removed">
                <del>
                  <span className="visually-hidden">{t('briefing.changed.removed')} </span>
                  {line.text}
                </del>
              </li>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff line's position is its identity (see above).
              <li key={i} className="what-changed__added">
                <ins>
                  <span className="visually-hidden">{t('briefing.changed.added')} </span>
                  {line.text}
                </ins>
              </li>
            ),
          )}
        </ul>
      ) : null}
    </details>
  );
}

function readLines(body: string): string {
  return markdownLines(parseMarkdown(body)).join('\n');
}
