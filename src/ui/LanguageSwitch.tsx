import type { Shown } from '../domain/content-language';
import { useT } from './i18n/I18nProvider';
import './language-switch.css';

/**
 * One tap between the reader's language and the original, for any translated
 * content; nothing when there is one text only. "Ver en español" is said in the
 * language it offers, so a reader finds their own language's button.
 */
export function LanguageSwitch({ shown, onChoose }: { shown: Omit<Shown<unknown>, 'text'>; onChoose(language: Shown<unknown>['language']): void }) {
  const t = useT();
  const other = shown.other;
  if (!other) return null;
  return (
    <button type="button" className="language-switch" lang={other === shown.original ? undefined : other} onClick={() => onChoose(other)}>
      {other === shown.original
        ? t('briefing.language.original', { language: t(`briefing.language.${shown.original}`) })
        : t(`briefing.language.readIn.${other}`)}
    </button>
  );
}
