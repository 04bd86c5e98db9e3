import type { CardDraft } from '../../domain/lesson-draft';
import { LESSON_LIMITS, moveItem } from '../../domain/lesson-draft';
import { useT } from '../../ui/i18n/I18nProvider';
import { EditorField, ItemTools } from './EditorField';
import { type FieldProblem, fieldId } from './problem-text';

/** The lesson's content cards: add, edit, reorder, remove. */
export function CardsEditor({
  cards,
  onChange,
  problem,
  newKey,
}: {
  cards: CardDraft[];
  onChange(cards: CardDraft[]): void;
  problem: FieldProblem;
  newKey(): string;
}) {
  const t = useT();
  const update = (i: number, patch: Partial<CardDraft>) => onChange(cards.map((card, j) => (j === i ? { ...card, ...patch } : card)));
  const listError = problem('cards');
  return (
    <section className="editor-section" aria-labelledby="editor-cards">
      <h2 id="editor-cards" tabIndex={-1}>
        {t('learn.editor.cards')}
      </h2>
      {listError ? (
        <p id={fieldId('cards')} className="field-error" tabIndex={-1}>
          {listError}
        </p>
      ) : null}
      <ol className="editor-items">
        {cards.map((card, i) => {
          const name = t('learn.editor.card', { n: i + 1 });
          return (
            <li key={card.key} className="editor-item">
              <div className="editor-item__head">
                <h3>{name}</h3>
                <ItemTools
                  item={name}
                  index={i}
                  count={cards.length}
                  onMove={(to) => onChange(moveItem(cards, i, to))}
                  onRemove={() => onChange(cards.filter((_, j) => j !== i))}
                  t={{
                    up: t('learn.editor.moveUp', { item: name }),
                    down: t('learn.editor.moveDown', { item: name }),
                    remove: t('learn.editor.remove', { item: name }),
                  }}
                />
              </div>
              <EditorField
                field={`cards.${i}.title`}
                label={t('learn.editor.cardTitle', { n: i + 1 })}
                value={card.title}
                onChange={(title) => update(i, { title })}
                error={problem(`cards.${i}.title`)}
              />
              <EditorField
                field={`cards.${i}.body`}
                label={t('learn.editor.cardBody', { n: i + 1 })}
                value={card.body}
                multiline
                hint={t('learn.editor.bodyHint')}
                onChange={(body) => update(i, { body })}
                error={problem(`cards.${i}.body`)}
              />
            </li>
          );
        })}
      </ol>
      {cards.length < LESSON_LIMITS.maxCards ? (
        <button type="button" className="editor-add" onClick={() => onChange([...cards, { key: newKey(), title: '', body: '' }])}>
          {t('learn.editor.addCard')}
        </button>
      ) : null}
    </section>
  );
}
