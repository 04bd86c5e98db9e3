/** Managers and HR: compose, edit and retract briefings, and see who has read them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { saveBriefing } from '../../data/commands';
import { authoredBriefings } from '../../data/compose-queries';
import type { LocalBriefing } from '../../data/db';
import { LIMITS, type MemberProfile } from '../../data/supabase/types';
import {
  draftFrom, draftProblems, editBaseVersion, emptyDraft, payloadFields, saveAction,
  type BriefingDraft, type DraftProblem,
} from '../../domain/briefing-draft';
import { useT } from '../../ui/i18n/I18nProvider';
import { commandFailureText } from '../../ui/command-failure-text';
import { useSession } from '../../ui/session-context';
import { AckStatusView } from './AckStatusView';
import { AuthoredList } from './AuthoredList';
import { BriefingForm } from './BriefingForm';
import { BriefingPreview } from './BriefingPreview';
import type { Option } from './choice-groups';
import { useComposeDirectory } from '../../ui/use-compose-directory';
import '../../ui/i18n/sections/compose';
import './compose.css';

type View =
  | { name: 'list' }
  | { name: 'form'; step: 'edit' | 'preview'; draft: BriefingDraft; editing: LocalBriefing | null }
  | { name: 'reach'; briefingId: string; title: string };

export function ComposeScreen() {
  const { db, commands, me } = useSession();
  const t = useT();
  const directory = useComposeDirectory();
  const memberId = me?.member_id ?? null;
  const rows = useLiveQuery(() => (memberId ? authoredBriefings(db, memberId) : []), [db, memberId]);
  const [view, setView] = useState<View>({ name: 'list' });
  const [problems, setProblems] = useState<readonly DraftProblem[] | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const stores = useMemo(() => storeOptions(me, directory?.directory.stores), [me, directory]);

  // Each step starts at its heading, so a screen reader and a thumb both land at the top of what changed
  // (not when the tab first opens: the tab bar keeps focus then).
  const focusKey = view.name === 'form' ? `form-${view.step}` : view.name;
  const shown = useRef(focusKey);
  useEffect(() => {
    if (shown.current === focusKey) return;
    shown.current = focusKey;
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('.compose h2[tabindex="-1"]')?.focus();
  }, [focusKey]);

  if (!me) {
    return (
      <section aria-labelledby="compose-heading" className="compose">
        <h1 id="compose-heading">{t('compose.title')}</h1>
        <p className="muted">{t('compose.list.loading')}</p>
      </section>
    );
  }
  const profile = me;
  const rules = () => ({ now: commands.now(), limits: LIMITS, role: profile.role, managedStoreIds: profile.managed_store_ids });

  function open(draft: BriefingDraft, editing: LocalBriefing | null) {
    setProblems(null);
    setSendError(null);
    setView({ name: 'form', step: 'edit', draft, editing });
  }

  function preview(form: Extract<View, { name: 'form' }>): readonly DraftProblem[] {
    const found = draftProblems(form.draft, rules());
    setProblems(found);
    if (found.length === 0) setView({ ...form, step: 'preview' });
    return found;
  }

  async function send(form: Extract<View, { name: 'form' }>) {
    const found = draftProblems(form.draft, rules());
    if (found.length > 0) {
      setProblems(found);
      setView({ ...form, step: 'edit' });
      return;
    }
    setSending(true);
    const fields = payloadFields(form.editing?.id ?? commands.newId(), form.draft);
    const result = await saveBriefing(commands, !form.editing || saveAction(form.editing) === 'publish'
      ? { action: 'publish', ...fields }
      : { action: 'edit', base_version: editBaseVersion(form.editing), ...fields });
    setSending(false);
    if (result.ok) setView({ name: 'list' });
    else setSendError(commandFailureText(t, result));
  }

  async function retract(briefing: LocalBriefing) {
    const result = await saveBriefing(commands, { action: 'retract', briefing_id: briefing.id });
    if (!result.ok) setSendError(commandFailureText(t, result));
    // The card, and the button that had focus, are gone: continue from the list's heading.
    else document.querySelector<HTMLElement>('.compose h2[tabindex="-1"]')?.focus();
  }

  return (
    <section aria-labelledby="compose-heading" className="compose">
      <h1 id="compose-heading">{t('compose.title')}</h1>
      {view.name === 'list' ? (
        <>
          <button type="button" className="primary compose-new" onClick={() => open(emptyDraft(profile.role, profile.managed_store_ids), null)}>
            {t('compose.new')}
          </button>
          {sendError ? <p role="alert" className="error">{sendError}</p> : null}
          <h2 tabIndex={-1}>{t('compose.list.heading')}</h2>
          <AuthoredList
            rows={rows}
            onReach={(b) => setView({ name: 'reach', briefingId: b.id, title: b.title })}
            onEdit={(b) => open(draftFrom(b), b)}
            onRetract={(b) => void retract(b)}
          />
        </>
      ) : null}
      {view.name === 'form' && view.step === 'edit' ? (
        <BriefingForm
          draft={view.draft}
          onChange={(draft) => {
            setView({ ...view, draft });
            if (problems) setProblems(draftProblems(draft, rules()));
          }}
          problems={problems}
          onPreview={() => preview(view)}
          onCancel={() => setView({ name: 'list' })}
          editing={view.editing !== null}
          role={profile.role}
          stores={stores}
          directory={directory}
        />
      ) : null}
      {view.name === 'form' && view.step === 'preview' ? (
        <BriefingPreview
          draft={view.draft}
          authorName={view.editing?.author_name ?? profile.display_name}
          directory={directory}
          editing={view.editing !== null}
          sending={sending}
          error={sendError}
          onSend={() => void send(view)}
          onBack={() => setView({ ...view, step: 'edit' })}
        />
      ) : null}
      {view.name === 'reach' ? (
        <AckStatusView briefingId={view.briefingId} title={view.title} onBack={() => setView({ name: 'list' })} />
      ) : null}
    </section>
  );
}

/**
 * The stores this person may address: a manager only those they manage (even
 * if a directory says more); HR and admin every store in the directory. Before
 * the directory first arrives, a manager's own store is known from the profile.
 */
function storeOptions(me: MemberProfile | null, stores: ReadonlyArray<{ id: string; name: string }> | undefined): Option<string>[] {
  if (!me) return [];
  const known = stores ?? (me.store ? [me.store] : []);
  const allowed = me.role === 'manager' ? known.filter((s) => me.managed_store_ids.includes(s.id)) : known;
  return allowed.map((s) => ({ value: s.id, label: s.name }));
}
