import { LESSON_LIMITS, moveItem, newQuestion, nextOptionId, type QuestionDraft } from '../../domain/lesson-draft';
import { useT } from '../../ui/i18n/I18nProvider';
import { EditorField, ItemTools } from './EditorField';
import { type FieldProblem, fieldId } from './problem-text';

const letter = (i: number) => String.fromCharCode(65 + i);

/** The quiz: questions with their kind, options, right answers and explanation; add, reorder, remove. */
export function QuestionsEditor({ quiz, onChange, problem }: { quiz: QuestionDraft[]; onChange(quiz: QuestionDraft[]): void; problem: FieldProblem }) {
  const t = useT();
  const listError = problem('quiz');
  return (
    <section className="editor-section" aria-labelledby="editor-quiz">
      <h2 id="editor-quiz">{t('learn.editor.questions')}</h2>
      {listError ? (
        <p id={fieldId('quiz')} className="field-error" tabIndex={-1}>
          {listError}
        </p>
      ) : null}
      <ol className="editor-items">
        {quiz.map((question, i) => {
          const name = t('learn.editor.question', { n: i + 1 });
          return (
            <li key={question.id} className="editor-item">
              <div className="editor-item__head">
                <h3>{name}</h3>
                <ItemTools
                  item={name}
                  index={i}
                  count={quiz.length}
                  onMove={(to) => onChange(moveItem(quiz, i, to))}
                  onRemove={() => onChange(quiz.filter((_, j) => j !== i))}
                  t={{
                    up: t('learn.editor.moveUp', { item: name }),
                    down: t('learn.editor.moveDown', { item: name }),
                    remove: t('learn.editor.remove', { item: name }),
                  }}
                />
              </div>
              <QuestionFields index={i} question={question} problem={problem} onChange={(next) => onChange(quiz.map((q, j) => (j === i ? next : q)))} />
            </li>
          );
        })}
      </ol>
      {quiz.length < LESSON_LIMITS.maxQuestions ? (
        <button type="button" className="editor-add" onClick={() => onChange([...quiz, newQuestion(quiz)])}>
          {t('learn.editor.addQuestion')}
        </button>
      ) : null}
    </section>
  );
}

function QuestionFields({
  index,
  question,
  onChange,
  problem,
}: {
  index: number;
  question: QuestionDraft;
  onChange(question: QuestionDraft): void;
  problem: FieldProblem;
}) {
  const t = useT();
  const n = index + 1;
  const base = `quiz.${index}`;
  const single = question.kind === 'single';
  const correctError = problem(`${base}.correct`);
  const toggleCorrect = (id: string, on: boolean) =>
    onChange({ ...question, correct: single ? [id] : on ? [...question.correct, id] : question.correct.filter((c) => c !== id) });
  const setOption = (i: number, text: string) => onChange({ ...question, options: question.options.map((o, j) => (j === i ? { ...o, text } : o)) });
  const removeOption = (id: string) =>
    onChange({ ...question, options: question.options.filter((o) => o.id !== id), correct: question.correct.filter((c) => c !== id) });

  return (
    <>
      <EditorField
        field={`${base}.prompt`}
        label={t('learn.editor.prompt', { n })}
        value={question.prompt}
        multiline
        onChange={(prompt) => onChange({ ...question, prompt })}
        error={problem(`${base}.prompt`)}
      />
      <fieldset className="choice editor-group">
        <legend>{t('learn.editor.kind', { n })}</legend>
        <div className="choice__options">
          {(['single', 'multiple'] as const).map((kind) => (
            <label key={kind} className="choice__option">
              <input
                type="radio"
                name={`${fieldId(base)}-kind`}
                checked={question.kind === kind}
                onChange={() => onChange({ ...question, kind, correct: kind === 'single' ? question.correct.slice(0, 1) : question.correct })}
              />
              {kind === 'single' ? t('learn.editor.kindSingle') : t('learn.editor.kindMultiple')}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset
        className="editor-group editor-options"
        id={fieldId(`${base}.correct`)}
        tabIndex={-1}
        aria-describedby={correctError ? `${fieldId(`${base}.correct`)}-error` : undefined}
      >
        <legend>{t('learn.editor.options', { n })}</legend>
        {correctError ? (
          <p id={`${fieldId(`${base}.correct`)}-error`} className="field-error">
            {correctError}
          </p>
        ) : null}
        {question.options.map((option, i) => {
          const id = fieldId(`${base}.options.${i}`);
          const optionError = problem(`${base}.options.${i}`);
          return (
            <div key={option.id} className="editor-option">
              <label className="editor-option__correct">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={`${fieldId(base)}-correct`}
                  checked={question.correct.includes(option.id)}
                  onChange={(e) => toggleCorrect(option.id, e.target.checked)}
                />
                <span className="visually-hidden">{t('learn.editor.optionCorrect', { letter: letter(i) })}</span>
              </label>
              <span aria-hidden="true" className="editor-option__letter">
                {letter(i)}
              </span>
              <input
                id={id}
                value={option.text}
                onChange={(e) => setOption(i, e.target.value)}
                aria-label={t('learn.editor.option', { letter: letter(i) })}
                aria-invalid={optionError ? true : undefined}
                aria-describedby={optionError ? `${id}-error` : undefined}
              />
              {question.options.length > LESSON_LIMITS.minOptions ? (
                <button
                  type="button"
                  className="editor-option__remove"
                  aria-label={t('learn.editor.removeOption', { letter: letter(i) })}
                  onClick={() => removeOption(option.id)}
                >
                  ✕
                </button>
              ) : null}
              {optionError ? (
                <p id={`${id}-error`} className="field-error editor-option__error">
                  {optionError}
                </p>
              ) : null}
            </div>
          );
        })}
        {question.options.length < LESSON_LIMITS.maxOptions ? (
          <button
            type="button"
            className="editor-add"
            onClick={() => onChange({ ...question, options: [...question.options, { id: nextOptionId(question.options), text: '' }] })}
          >
            {t('learn.editor.addOption')}
          </button>
        ) : null}
      </fieldset>
      <EditorField
        field={`${base}.explanation`}
        label={t('learn.editor.explanation', { n })}
        value={question.explanation}
        multiline
        onChange={(explanation) => onChange({ ...question, explanation })}
        error={problem(`${base}.explanation`)}
      />
    </>
  );
}
