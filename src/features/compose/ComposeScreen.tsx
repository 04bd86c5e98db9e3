/** Managers and HR: compose, edit and retract briefings, and see who has read them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { oneBriefing } from '../../data/briefings/queries';
import { saveBriefing } from '../../data/compose/commands';
import { authoredBriefings } from '../../data/compose/queries';
import { type LocalBriefing, readMeta } from '../../data/db';
import type { MemberProfile } from '../../data/supabase/types';
import { serverNow } from '../../data/sync/server-clock';
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
import { audienceChoices } from '../../domain/briefing-start';
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
  const now = useServerNow();
  const past = useMemo(() => (rows ?? []).map((row) => row.briefing).sort((a, b) => b.updated_at.localeCompare(a.updated_at)), [rows]);

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
      {mode.name === 'new' ? (
        <FormFlow key="new" profile={me} editing={null} initial={emptyDraft(me.role, me.managed_store_ids, me.locale)} now={now} past={past} />
      ) : null}
      {mode.name === 'edit' && editing === undefined ? <p className="muted">{t('compose.list.loading')}</p> : null}
      {mode.name === 'edit' && editing === null ? <Unavailable reason="missing" /> : null}
      {mode.name === 'edit' && editing ? (
        <FormFlow key={editing.id} profile={me} editing={editing} initial={draftFrom(editing, now())} now={now} past={[]} />
      ) : null}
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

/**
 * Now as the server counts it: this phone's clock corrected by the offset the
 * last sync learned (kept offline too), so a phone a day off neither refuses a
 * good publish or due time nor lets a past one through.
 */
function useServerNow(): () => Date {
  const { db } = useSession();
  const offset = useLiveQuery(async () => (await readMeta(db)).clock_offset_ms ?? null, [db]);
  return useMemo(() => () => serverNow(Date.now(), offset), [offset]);
}

interface FormFlowProps {
  profile: MemberProfile;
  editing: LocalBriefing | null;
  initial: BriefingDraft;
  now(): Date;
  past: readonly LocalBriefing[];
}

/** The form, its preview, and sending from either: one briefing, new or edited. */
function FormFlow({ profile, editing, initial, now, past }: FormFlowProps) {
  const { commands } = useSession();
  const t = useT();
  const directory = useComposeDirectory();
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<readonly DraftProblem[] | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const choices = useMemo(
    () => audienceChoices(profile.role, profile.managed_store_ids, directory?.directory.stores, profile.store, directory?.directory.roles),
    [profile, directory],
  );
  const stores = useMemo(() => choices.stores.map((s): Option<string> => ({ value: s.id, label: s.name })), [choices]);

  // Each step starts at its heading, so a screen reader and a thumb both land at the top of what changed.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    window.scrollTo(0, 0);
    focusStep();
  }, [step]);

  const rules = () => ({ now: now(), limits: LIMITS, role: profile.role, managedStoreIds: profile.managed_store_ids });

  function preview(): readonly DraftProblem[] {
    const found = draftProblems(draft, rules());
    setProblems(found);
    if (found.length === 0) setStep('preview');
    return found;
  }

  async function send(): Promise<readonly DraftProblem[]> {
    const checked = rules();
    const found = draftProblems(draft, checked);
    if (found.length > 0) {
      setProblems(found);
      setStep('edit');
      return found;
    }
    setSending(true);
    const fields = payloadFields(editing?.id ?? commands.newId(), draft);
    // An edit without a publish time keeps the server's; one that was still scheduled goes out now instead.
    if (editing && !fields.publish_at && Date.parse(editing.publish_at) > checked.now.getTime()) fields.publish_at = checked.now.toISOString();
    const result = await saveBriefing(
      commands,
      !editing || saveAction(editing) === 'publish' ? { action: 'publish', ...fields } : { action: 'edit', base_version: editBaseVersion(editing), ...fields },
    );
    setSending(false);
    if (result.ok) back(LIST);
    else setSendError(commandFailureText(t, result, (problem) => problemText(t, problem)));
    return [];
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
      onSend={send}
      onCancel={() => back(LIST)}
      editing={editing !== null}
      sending={sending}
      sendError={sendError}
      role={profile.role}
      managedStoreIds={profile.managed_store_ids}
      stores={stores}
      wholeOrganisation={choices.wholeOrganisation}
      roles={choices.roles}
      directory={directory}
      past={past}
      now={now}
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
