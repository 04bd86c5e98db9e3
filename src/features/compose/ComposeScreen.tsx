/** Managers and HR: compose, edit and retract briefings, and see who has read them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { oneBriefing } from '../../data/briefings/queries';
import { saveBriefing } from '../../data/compose/commands';
import { authoredBriefings } from '../../data/compose/queries';
import type { LocalBriefing } from '../../data/db';
import type { MemberProfile } from '../../data/supabase/types';
import {
  type BriefingDraft,
  type DraftProblem,
  draftFrom,
  draftProblems,
  editBaseVersion,
  emptyDraft,
  payloadFields,
  saveAction,
} from '../../domain/briefing-draft';
import { LIMITS } from '../../domain/limits';
import { commandFailureText } from '../../ui/command-failure-text';
import { useT } from '../../ui/i18n/I18nProvider';
import { back, go } from '../../ui/router/history';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { Unavailable } from '../../ui/Unavailable';
import { useComposeDirectory } from '../../ui/use-compose-directory';
import { AckStatusView } from './AckStatusView';
import { AuthoredList } from './AuthoredList';
import { BriefingForm } from './BriefingForm';
import { BriefingPreview } from './BriefingPreview';
import type { Option } from './choice-groups';
import { problemText } from './problem-text';
import './compose.css';

/** Which of the Briefings screens this is, from its address. */
type ComposeMode = { name: 'list' } | { name: 'new' } | { name: 'edit'; briefingId: string } | { name: 'status'; briefingId: string };

const LIST = '/briefings';

/** /briefings */
export const BriefingListScreen = () => <ComposeScreen mode={{ name: 'list' }} />;
/** /briefings/new */
export const NewBriefingScreen = () => <ComposeScreen mode={{ name: 'new' }} />;
/** /briefings/:id/edit */
export const EditBriefingScreen = ({ params }: { params: Params }) => <ComposeScreen mode={{ name: 'edit', briefingId: params.id! }} />;
/** /briefings/:id/status: who has read it (its author, their manager, HR). */
export const BriefingStatusScreen = ({ params }: { params: Params }) => <ComposeScreen mode={{ name: 'status', briefingId: params.id! }} />;
const focusStep = () => document.querySelector<HTMLElement>('.compose h2[tabindex="-1"]')?.focus();

function ComposeScreen({ mode }: { mode: ComposeMode }) {
  const { db, me, commands } = useSession();
  const t = useT();
  const memberId = me?.member_id ?? null;
  const rows = useLiveQuery(() => (memberId ? authoredBriefings(db, memberId) : []), [db, memberId]);
  const [error, setError] = useState<string | null>(null);

  if (!me) {
    return (
      <section aria-labelledby="compose-heading" className="compose">
        <h1 id="compose-heading">{t('compose.title')}</h1>
        <p className="muted">{t('compose.list.loading')}</p>
      </section>
    );
  }

  async function retract(briefing: LocalBriefing) {
    const result = await saveBriefing(commands, { action: 'retract', briefing_id: briefing.id });
    if (!result.ok) setError(commandFailureText(t, result, (problem) => problemText(t, problem)));
    // The card, and the button that had focus, are gone: continue from the list's heading.
    else focusStep();
  }

  // undefined while the phone's copy loads; null when this person has no such briefing (yet).
  const editing = mode.name !== 'edit' || !rows ? undefined : (rows.find((row) => row.briefing.id === mode.briefingId)?.briefing ?? null);
  return (
    <section aria-labelledby="compose-heading" className="compose">
      <h1 id="compose-heading">{t('compose.title')}</h1>
      {mode.name === 'list' ? (
        <>
          <button type="button" className="primary compose-new" onClick={() => go('/briefings/new')}>
            {t('compose.new')}
          </button>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <h2 tabIndex={-1}>{t('compose.list.heading')}</h2>
          <AuthoredList
            rows={rows}
            onReach={(b) => go(`/briefings/${encodeURIComponent(b.id)}/status`)}
            onEdit={(b) => go(`/briefings/${encodeURIComponent(b.id)}/edit`)}
            onRetract={(b) => void retract(b)}
          />
        </>
      ) : null}
      {mode.name === 'new' ? <FormFlow key="new" profile={me} editing={null} initial={emptyDraft(me.role, me.managed_store_ids)} /> : null}
      {mode.name === 'edit' && editing === undefined ? <p className="muted">{t('compose.list.loading')}</p> : null}
      {mode.name === 'edit' && editing === null ? <Unavailable reason="missing" /> : null}
      {mode.name === 'edit' && editing ? <FormFlow key={editing.id} profile={me} editing={editing} initial={draftFrom(editing)} /> : null}
      {mode.name === 'status' ? <StatusFlow briefingId={mode.briefingId} /> : null}
    </section>
  );
}

/** Who has read one briefing: its title from the phone's copy, the numbers from the server. */
function StatusFlow({ briefingId }: { briefingId: string }) {
  const { db } = useSession();
  const t = useT();
  const briefing = useLiveQuery(() => oneBriefing(db, briefingId).then((b) => b ?? null), [db, briefingId]);
  useEffect(focusStep, []);
  if (briefing === undefined) return <p className="muted">{t('compose.list.loading')}</p>;
  if (briefing === null) return <Unavailable reason="missing" />;
  return <AckStatusView briefingId={briefingId} title={briefing.title} onBack={() => back(LIST)} />;
}

/** The form, then its preview, then sending: one briefing, new or edited. */
function FormFlow({ profile, editing, initial }: { profile: MemberProfile; editing: LocalBriefing | null; initial: BriefingDraft }) {
  const { commands } = useSession();
  const t = useT();
  const directory = useComposeDirectory();
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<readonly DraftProblem[] | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const stores = useMemo(() => storeOptions(profile, directory?.directory.stores), [profile, directory]);

  // Each step starts at its heading, so a screen reader and a thumb both land at the top of what changed.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    window.scrollTo(0, 0);
    focusStep();
  }, [step]);

  const rules = () => ({ now: commands.now(), limits: LIMITS, role: profile.role, managedStoreIds: profile.managed_store_ids });

  function preview(): readonly DraftProblem[] {
    const found = draftProblems(draft, rules());
    setProblems(found);
    if (found.length === 0) setStep('preview');
    return found;
  }

  async function send() {
    const found = draftProblems(draft, rules());
    if (found.length > 0) {
      setProblems(found);
      setStep('edit');
      return;
    }
    setSending(true);
    const fields = payloadFields(editing?.id ?? commands.newId(), draft);
    const result = await saveBriefing(
      commands,
      !editing || saveAction(editing) === 'publish' ? { action: 'publish', ...fields } : { action: 'edit', base_version: editBaseVersion(editing), ...fields },
    );
    setSending(false);
    if (result.ok) back(LIST);
    else setSendError(commandFailureText(t, result, (problem) => problemText(t, problem)));
  }

  return step === 'edit' ? (
    <BriefingForm
      draft={draft}
      onChange={(next) => {
        setDraft(next);
        if (problems) setProblems(draftProblems(next, rules()));
      }}
      problems={problems}
      onPreview={preview}
      onCancel={() => back(LIST)}
      editing={editing !== null}
      role={profile.role}
      stores={stores}
      directory={directory}
    />
  ) : (
    <BriefingPreview
      draft={draft}
      authorName={editing?.author_name ?? profile.display_name}
      directory={directory}
      editing={editing !== null}
      sending={sending}
      error={sendError}
      onSend={() => void send()}
      onBack={() => setStep('edit')}
    />
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
