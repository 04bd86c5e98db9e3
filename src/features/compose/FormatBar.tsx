import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { insertLink, type TextEdit, toggleBold, toggleList } from '../../domain/markdown-format';
import { useT } from '../../ui/i18n/I18nProvider';

/**
 * Bold, List and Link above the briefing's text: each writes the safe markdown
 * subset around the selection, so nobody has to type markers. A toolbar of
 * real buttons (reachable by Tab, named for screen readers); Ctrl/⌘+B bolds
 * from the keyboard. Link asks for the address in a field of its own.
 */
export function useFormatting(body: RefObject<HTMLTextAreaElement | null>, text: string, onText: (text: string) => void) {
  // The selection to restore once React has put the new text in the textarea.
  const pending = useRef<TextEdit | null>(null);
  useLayoutEffect(() => {
    const edit = pending.current;
    const area = body.current;
    if (!edit || !area || area.value !== edit.text) return;
    pending.current = null;
    area.focus();
    area.setSelectionRange(edit.selectionStart, edit.selectionEnd);
  });
  const apply = (edit: TextEdit) => {
    pending.current = edit;
    onText(edit.text);
  };
  const selection = () => [body.current?.selectionStart ?? text.length, body.current?.selectionEnd ?? text.length] as const;
  return {
    bold: () => apply(toggleBold(text, ...selection())),
    list: () => apply(toggleList(text, ...selection())),
    link: (range: readonly [number, number], url: string) => {
      const edit = insertLink(text, range[0], range[1], url);
      if (edit) apply(edit);
      return edit !== null;
    },
    selection,
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'b') {
        event.preventDefault();
        apply(toggleBold(text, ...selection()));
      }
    },
  };
}

export function FormatBar({ bodyId, formatting }: { bodyId: string; formatting: ReturnType<typeof useFormatting> }) {
  const t = useT();
  // Where the link goes: the selection when Link was pressed (the address field takes focus after).
  const [linkRange, setLinkRange] = useState<readonly [number, number] | null>(null);
  const [url, setUrl] = useState('');
  const [refused, setRefused] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (linkRange) urlField.current?.focus();
  }, [linkRange]);

  const close = () => {
    setLinkRange(null);
    setUrl('');
    setRefused(false);
  };
  const addLink = () => {
    if (!linkRange) return;
    if (formatting.link(linkRange, url)) close();
    else setRefused(true);
  };

  return (
    <>
      <div className="format-bar" role="toolbar" aria-label={t('compose.format.toolbar')} aria-controls={bodyId}>
        <button type="button" onClick={formatting.bold} aria-keyshortcuts="Control+B">
          <b aria-hidden="true">B</b> {t('compose.format.bold')}
        </button>
        <button type="button" onClick={formatting.list}>
          <span aria-hidden="true">•</span> {t('compose.format.list')}
        </button>
        <button
          type="button"
          aria-expanded={linkRange !== null}
          aria-controls="compose-link"
          onClick={() => (linkRange ? close() : setLinkRange(formatting.selection()))}
        >
          <LinkIcon /> {t('compose.format.link')}
        </button>
      </div>
      {linkRange ? (
        <div className="format-link" id="compose-link">
          <label htmlFor="compose-link-url">{t('compose.format.linkUrl')}</label>
          <input
            id="compose-link-url"
            ref={urlField}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={url}
            aria-invalid={refused ? true : undefined}
            aria-describedby={refused ? 'compose-link-error' : undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setRefused(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addLink();
              } else if (e.key === 'Escape') close();
            }}
          />
          {refused ? (
            <p id="compose-link-error" className="field-error">
              {t('compose.format.linkInvalid')}
            </p>
          ) : null}
          <div className="compose-actions">
            <button type="button" className="primary" onClick={addLink}>
              {t('compose.format.linkAdd')}
            </button>
            <button type="button" onClick={close}>
              {t('compose.format.linkClose')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** Drawn, not an emoji: phones without a colour emoji font showed a box. */
function LinkIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" className="format-bar__icon">
      <path
        d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
