import { useMemo } from 'react';
import type { CachedComposeDirectory, LocalBriefing } from '../../data/db';
import { type BriefingDraft, payloadFields } from '../../domain/briefing-draft';
import { BriefingCard } from '../../ui/briefing/BriefingCard';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useOnline } from '../../ui/use-online';
import { ReachLine } from './ReachLine';

export interface BriefingPreviewProps {
  draft: BriefingDraft;
  authorName: string | null;
  directory: CachedComposeDirectory | null | undefined;
  editing: boolean;
  sending: boolean;
  error: string | null;
  onSend(): void;
  onBack(): void;
}

/** The briefing as a staff phone will show it, who it reaches, and the button that queues it. */
export function BriefingPreview({ draft, authorName, directory, editing, sending, error, onSend, onBack }: BriefingPreviewProps) {
  const { t, date } = useI18n();
  const online = useOnline();
  const briefing = useMemo(() => asStaffWillSeeIt(draft, authorName), [draft, authorName]);
  return (
    <section className="compose-preview" aria-labelledby="compose-preview-heading">
      <h2 id="compose-preview-heading" tabIndex={-1}>
        {t('compose.preview.heading')}
      </h2>
      <p className="field-hint">{t('compose.preview.note')}</p>
      <div className="compose-preview__card">
        <BriefingCard briefing={briefing} state={briefing.requires_ack ? 'needed' : 'not_required'} ackedVersion={null} />
      </div>
      {draft.publishAt ? <p className="compose-preview__when">{t('compose.preview.scheduled', { when: date(briefing.publish_at) })}</p> : null}
      <ReachLine directory={directory} audience={{ store_ids: draft.storeIds, department_ids: draft.departmentIds, roles: draft.roles }} />
      {!online ? <p className="field-hint">{t('compose.preview.offline')}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="compose-bar">
        <button type="button" onClick={onBack}>
          {t('compose.preview.back')}
        </button>
        <button type="button" className="primary" disabled={sending} onClick={onSend}>
          {t(editing ? 'compose.preview.saveEdit' : 'compose.preview.send')}
        </button>
      </div>
    </section>
  );
}

/** The draft as the card a staff phone renders: the same component, so the preview cannot drift from it. */
function asStaffWillSeeIt(draft: BriefingDraft, authorName: string | null): LocalBriefing {
  const now = new Date().toISOString();
  const fields = payloadFields('preview', draft);
  return {
    ...fields,
    id: 'preview',
    author_id: '',
    author_name: authorName,
    publish_at: fields.publish_at ?? now,
    expires_at: null,
    version: 1,
    content_hash: '',
    created_at: now,
    updated_at: now,
    sync_seq: 0,
  };
}
