import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { ValueCard } from '../../data/supabase/types';
import { valueCardsInOrder } from '../../data/values/queries';
import { draftFromCard, EMPTY_VALUE_CARD_DRAFT } from '../../domain/value-card-draft';
import { moveInOrder } from '../../domain/value-deck';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnline } from '../../ui/use-online';
import { type AuthoringNotice, useCardAuthoring } from './use-card-authoring';
import { ValueCardForm } from './ValueCardForm';

type Editing = { card: ValueCard | null } | null;

/** HR: the organisation's live values cards in order, to add, edit, move and archive (online; phones follow at their next sync). */
export function ValuesEditor() {
  const { db } = useSession();
  const { t, locale } = useI18n();
  const online = useOnline();
  const cards = useLiveQuery(() => valueCardsInOrder(db), [db]);
  const authoring = useCardAuthoring();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const offline = !online;

  if (!cards) return null;
  const ids = cards.map((card) => card.id);

  if (editing) {
    // A new card is written in the language HR's screens are in; an existing one keeps its own.
    const language = editing.card ? (editing.card.language ?? 'en') : locale;
    return (
      <div className="values-editor">
        <Notice notice={authoring.notice} />
        <ValueCardForm
          initial={editing.card ? draftFromCard(editing.card) : EMPTY_VALUE_CARD_DRAFT}
          language={language}
          editing={editing.card !== null}
          working={authoring.working}
          onCancel={() => setEditing(null)}
          onSave={async (draft) => {
            if (await authoring.save(editing.card?.id ?? null, draft, language)) setEditing(null);
          }}
        />
      </div>
    );
  }

  return (
    <div className="values-editor" data-testid="values-editor">
      {offline ? (
        <p className="warning" role="status">
          {t('values.edit.offline')}
        </p>
      ) : null}
      <Notice notice={authoring.notice} />
      <button
        type="button"
        className="primary values-editor__new"
        disabled={offline || authoring.working}
        onClick={() => {
          authoring.clearNotice();
          setEditing({ card: null });
        }}
      >
        {t('values.edit.new')}
      </button>
      {cards.length === 0 ? <p className="muted">{t('values.edit.empty')}</p> : null}
      <ol className="values-editor__list">
        {cards.map((card, index) => (
          <li key={card.id}>
            <EditableCard
              card={card}
              position={index + 1}
              count={cards.length}
              disabled={offline || authoring.working}
              confirming={confirming === card.id}
              onEdit={() => {
                authoring.clearNotice();
                setEditing({ card });
              }}
              onMove={(delta) => void authoring.reorder(moveInOrder(ids, card.id, delta))}
              onArchive={() => setConfirming(card.id)}
              onConfirmArchive={async () => {
                setConfirming(null);
                await authoring.archive(card.id);
              }}
              onKeep={() => setConfirming(null)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function Notice({ notice }: { notice: AuthoringNotice | null }) {
  const t = useT();
  if (!notice) return null;
  if (notice.kind === 'done')
    return (
      <p className="values-notice" role="status">
        {t(notice.message)}
      </p>
    );
  if (notice.kind === 'online') return <OnlineCallProblem failure={notice.failure} />;
  return (
    <p className="warning" role="alert">
      {t(notice.message)}
    </p>
  );
}

interface EditableCardProps {
  card: ValueCard;
  position: number;
  count: number;
  disabled: boolean;
  confirming: boolean;
  onEdit(): void;
  onMove(delta: -1 | 1): void;
  onArchive(): void;
  onConfirmArchive(): void;
  onKeep(): void;
}

function EditableCard({ card, position, count, disabled, confirming, onEdit, onMove, onArchive, onConfirmArchive, onKeep }: EditableCardProps) {
  const t = useT();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const headingId = `edit-card-${card.id}`;
  return (
    <article className="editable-card" aria-labelledby={headingId} data-testid="editable-card">
      <p className="editable-card__position">{t('values.edit.position', { position, count })}</p>
      <h3 id={headingId} className="editable-card__title">
        {card.title}
      </h3>
      <p className="editable-card__statement">{card.statement}</p>
      {confirming ? (
        <fieldset className="bare warning" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('values.edit.archiveConfirm', { title: card.title })}</p>
          <div className="values-actions">
            <button type="button" className="danger" onClick={onConfirmArchive}>
              {t('values.edit.archiveYes')}
            </button>
            <button type="button" ref={keep} onClick={onKeep}>
              {t('values.edit.archiveNo')}
            </button>
          </div>
        </fieldset>
      ) : (
        <fieldset className="bare values-actions" aria-labelledby={headingId}>
          <button type="button" onClick={() => onMove(-1)} disabled={disabled || position === 1}>
            {t('values.edit.up')}
          </button>
          <button type="button" onClick={() => onMove(1)} disabled={disabled || position === count}>
            {t('values.edit.down')}
          </button>
          <button type="button" onClick={onEdit} disabled={disabled}>
            {t('values.edit.edit')}
          </button>
          <button type="button" className="danger" onClick={onArchive} disabled={disabled}>
            {t('values.edit.archive')}
          </button>
        </fieldset>
      )}
    </article>
  );
}
