/**
 * The Voice tab. Everyone: the pulse open for them, feedback (named or
 * anonymous, offline too), their own feedback with replies, and their store's
 * "you said, we did" board. Managers and HR also get the inbox and pulse
 * results; HR creates pulses and sees the trend. The parts that read the
 * phone's copy work offline; the inbox and results say when they need a connection.
 */
import { useEffect, useEffectEvent } from 'react';
import type { FrontlineDb } from '../../data/db';
import type { OnlineApi } from '../../data/online-api';
import { refreshSideData } from '../../data/side-data';
import type { MemberProfile } from '../../data/supabase/types';
import { hasStoreBoard } from '../../data/voice/side-data';
import { useT } from '../../ui/i18n/I18nProvider';
import { go } from '../../ui/router/history';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { Unavailable } from '../../ui/Unavailable';
import { FeedbackForm } from './FeedbackForm';
import { InboxView } from './InboxView';
import { MyFeedbackList } from './MyFeedbackList';
import { PulsePrompt } from './PulsePrompt';
import { HrPulses, ManagerPulseResults } from './PulseResults';
import { StoreBoard } from './StoreBoard';
import './voice.css';

const VOICE_COPIES = ['my_feedback', 'store_board', 'inbox_open'] as const;

type View = 'give' | 'mine' | 'board' | 'inbox' | 'results' | 'pulses';

const VIEW_LABEL = {
  give: 'voice.view.give',
  mine: 'voice.view.mine',
  board: 'voice.view.board',
  inbox: 'voice.view.inbox',
  results: 'voice.view.results',
  pulses: 'voice.view.pulses',
} as const satisfies Record<View, string>;

/** What this person can open here, their daily one first. */
function viewsFor(me: MemberProfile | null): View[] {
  if (!me) return ['give', 'mine'];
  const own: View[] = ['give', 'mine', ...(hasStoreBoard(me) ? (['board'] as const) : [])];
  if (me.role === 'manager') return ['inbox', 'results', ...own];
  if (me.role === 'hr' || me.role === 'admin') return ['inbox', 'pulses', ...own];
  return own;
}

function isView(part: string): part is View {
  return Object.hasOwn(VIEW_LABEL, part);
}

/** /voice opens this person's daily part; /voice/:part one of them by name (e.g. /voice/inbox). */
export function VoiceScreen({ params }: { params: Params }) {
  const { db, api, me, commands } = useSession();
  const t = useT();
  const views = viewsFor(me);
  const part = params.part;
  const memberId = me?.member_id;

  // Replies and the board change on the server: opening the tab online fetches them (offline, the copy stays).
  // Once per person and connection, not on every profile re-render: the profile is read when it runs.
  const refreshCopies = useEffectEvent((copies: FrontlineDb, online: OnlineApi) => {
    if (me) void refreshSideData(copies, online, me, commands.now, VOICE_COPIES);
  });
  useEffect(() => {
    if (api && memberId) refreshCopies(db, api);
  }, [db, api, memberId]);

  const view = part === undefined ? views[0]! : isView(part) && views.includes(part) ? part : null;
  if (view === null) {
    return (
      <section className="voice" aria-labelledby="voice-heading">
        <h1 id="voice-heading">{t('voice.title')}</h1>
        {part !== undefined && isView(part) && !me ? (
          <p className="muted" role="status">
            {t('app.unavailable.waiting.body')}
          </p>
        ) : (
          <Unavailable reason={part !== undefined && isView(part) ? 'forbidden' : 'unknown'} />
        )}
      </section>
    );
  }

  return (
    <section className="voice" aria-labelledby="voice-heading">
      <h1 id="voice-heading">{t('voice.title')}</h1>
      {/* Managers and HR come here for the inbox: their own pulse waits with their own feedback. */}
      {!me || me.role === 'staff' || view === 'give' ? <PulsePrompt /> : null}
      <nav className="voice-views" aria-label={t('voice.views')}>
        {views.map((v) => (
          <button key={v} type="button" aria-current={v === view ? 'page' : undefined} onClick={() => go(`/voice/${v}`, { replace: true })}>
            {t(VIEW_LABEL[v])}
          </button>
        ))}
      </nav>
      {view === 'give' ? <FeedbackForm /> : null}
      {view === 'mine' ? <MyFeedbackList /> : null}
      {view === 'board' ? <StoreBoard /> : null}
      {view === 'inbox' ? <InboxView /> : null}
      {view === 'results' ? <ManagerPulseResults /> : null}
      {view === 'pulses' ? <HrPulses /> : null}
    </section>
  );
}
