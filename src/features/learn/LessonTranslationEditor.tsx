import type { ContentLanguage } from '../../domain/content-language';
import { type LessonDraft, type LessonTranslationDraft, translationStarted } from '../../domain/lesson-draft';
import { Fold } from '../../ui/Fold';
import { useT } from '../../ui/i18n/I18nProvider';
import { EditorField } from './EditorField';
import type { FieldProblem } from './problem-text';

/**
 * The lesson in the other language, folded to one line until HR opens it. Each
 * card and question is shown with the original's words as its heading, so the
 * translator sees what they translate; answers are not asked again (they are
 * the original's), and the fields follow the original's cards and questions as
 * they are added, moved and removed.
 */
export function LessonTranslationEditor({
  draft,
  language,
  open,
  onToggle,
  onChange,
  problem,
  problems,
}: {
  draft: LessonDraft;
  /** The translation's language. */
  language: ContentLanguage;
  open: boolean;
  onToggle(open: boolean): void;
  onChange(translation: LessonTranslationDraft): void;
  problem: FieldProblem;
  /** Whether any translation field has a problem (said on the folded line). */
  problems: boolean;
}) {
  const t = useT();
  const tr = draft.translation;
  const inLanguage = (field: string) => t('learn.editor.inLanguage', { field, language: t(`briefing.language.${language}`) });
  const card = (key: string) => tr.cards[key] ?? { title: '', body: '' };
  const question = (id: string) => tr.quiz[id] ?? { prompt: '', explanation: '', options: {} };
  const setCard = (key: string, words: Partial<{ title: string; body: string }>) =>
    onChange({ ...tr, cards: { ...tr.cards, [key]: { ...card(key), ...words } } });
  const setQuestion = (id: string, words: Partial<LessonTranslationDraft['quiz'][string]>) =>
    onChange({ ...tr, quiz: { ...tr.quiz, [id]: { ...question(id), ...words } } });
  return (
    <Fold
      label={t('learn.editor.translation.heading')}
      line={t(translationStarted(draft) ? `learn.editor.translation.added.${language}` : `learn.editor.translation.add.${language}`)}
      open={open}
      onToggle={onToggle}
      problem={problems ? t('learn.editor.translation.problem') : null}
    >
      <div className="lesson-translation">
        <p className="field-hint">{t('learn.editor.translation.hint')}</p>
        <EditorField
          lang={language}
          field="translation.title"
          label={inLanguage(t('learn.editor.title'))}
          value={tr.title}
          onChange={(title) => onChange({ ...tr, title })}
          error={problem('translation.title')}
        />
        <EditorField
          lang={language}
          field="translation.summary"
          label={inLanguage(t('learn.editor.summary'))}
          value={tr.summary}
          multiline
          onChange={(summary) => onChange({ ...tr, summary })}
          error={problem('translation.summary')}
        />
        {draft.cards.map((original, i) => (
          <fieldset key={original.key} className="lesson-translation__item">
            <legend>
              {t('learn.editor.card', { n: i + 1 })}: <span className="lesson-translation__original">{original.title}</span>
            </legend>
            <EditorField
              lang={language}
              field={`translation.cards.${i}.title`}
              label={inLanguage(t('learn.editor.cardTitle', { n: i + 1 }))}
              value={card(original.key).title}
              onChange={(title) => setCard(original.key, { title })}
              error={problem(`translation.cards.${i}.title`)}
            />
            <EditorField
              lang={language}
              field={`translation.cards.${i}.body`}
              label={inLanguage(t('learn.editor.cardBody', { n: i + 1 }))}
              value={card(original.key).body}
              multiline
              onChange={(body) => setCard(original.key, { body })}
              error={problem(`translation.cards.${i}.body`)}
            />
          </fieldset>
        ))}
        {draft.quiz.map((original, i) => (
          <fieldset key={original.id} className="lesson-translation__item">
            <legend>
              {t('learn.editor.question', { n: i + 1 })}: <span className="lesson-translation__original">{original.prompt}</span>
            </legend>
            <EditorField
              lang={language}
              field={`translation.quiz.${i}.prompt`}
              label={inLanguage(t('learn.editor.prompt', { n: i + 1 }))}
              value={question(original.id).prompt}
              onChange={(prompt) => setQuestion(original.id, { prompt })}
              error={problem(`translation.quiz.${i}.prompt`)}
            />
            {original.options.map((option, j) => (
              <EditorField
                lang={language}
                key={option.id}
                field={`translation.quiz.${i}.options.${j}`}
                label={inLanguage(t('learn.editor.option', { letter: String.fromCharCode(65 + j) }))}
                hint={option.text}
                value={question(original.id).options[option.id] ?? ''}
                onChange={(text) => setQuestion(original.id, { options: { ...question(original.id).options, [option.id]: text } })}
                error={problem(`translation.quiz.${i}.options.${j}`)}
              />
            ))}
            <EditorField
              lang={language}
              field={`translation.quiz.${i}.explanation`}
              label={inLanguage(t('learn.editor.explanation', { n: i + 1 }))}
              value={question(original.id).explanation}
              multiline
              onChange={(explanation) => setQuestion(original.id, { explanation })}
              error={problem(`translation.quiz.${i}.explanation`)}
            />
          </fieldset>
        ))}
      </div>
    </Fold>
  );
}
