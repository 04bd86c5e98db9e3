/**
 * Managers (their stores' feedback) and HR (the organisation's): the inbox
 * with a status filter. Online only: fetched when shown and on Refresh. An
 * item answered or closed here stays where it was, marked with the status the
 * server answered, until the next refresh: it does not vanish from under the
 * person who just answered it.
 */
import { useState } from 'react';
import { refreshSideData } from '../../data/side-data';
import type { FeedbackInboxItem } from '../../data/supabase/types';
import { useT } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';
import { InboxItem } from './InboxItem';

type Filter = FeedbackInboxItem['status'] | 'all';
const FILTERS = ['open', 'answered', 'closed', 'all'] as const satisfies readonly Filter[];
const FILTER_LABEL = {
  open: 'voice.inbox.filter.open',
  answered: 'voice.inbox.filter.answered',
  closed: 'voice.inbox.filter.closed',
  all: 'voice.inbox.filter.all',
} as const;

export function InboxView() {
  const { api, me, db, commands } = useSession();
  const t = useT();
  const [filter, setFilter] = useState<Filter>('open');
  const inbox = useOnlineCall(api, filter, (online) => online.call('feedback_inbox', { p_status: filter === 'all' ? null : filter }));
  // Keyed by the fetch they belong to: a refresh or another filter starts from the server's list again.
  const [changed, setChanged] = useState<{ of: unknown; items: ReadonlyMap<string, FeedbackInboxItem> }>({ of: null, items: new Map() });
  const kept = changed.of === inbox.data ? changed.items : null;
  const items = inbox.failure ? null : (inbox.data?.map((item) => kept?.get(item.id) ?? item) ?? null);
  const keep = (updated: FeedbackInboxItem) => {
    setChanged({ of: inbox.data, items: new Map(kept ?? []).set(updated.id, updated) });
    // The Voice tab's count follows at once, not at the next sync.
    if (api && me) void refreshSideData(db, api, me, commands.now, ['inbox_open']);
  };

  return (
    <section aria-labelledby="voice-inbox-heading" className="voice-inbox">
      <h2 id="voice-inbox-heading">{t('voice.inbox.heading')}</h2>
      <p className="muted">{me?.role === 'manager' ? t('voice.inbox.scopeStore') : t('voice.inbox.scopeAll')}</p>
      <fieldset className="choice voice-group voice-filter">
        <legend>{t('voice.inbox.filter')}</legend>
        <div className="choice__options">
          {FILTERS.map((value) => (
            <label key={value} className="choice__option">
              <input type="radio" name="voice-inbox-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              {t(FILTER_LABEL[value])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="voice-toolbar">
        <p className="voice-toolbar__count" role="status">
          {inbox.loading ? t('voice.loading') : items ? t('voice.inbox.count', { count: items.length }) : ''}
        </p>
        <button type="button" onClick={inbox.reload}>
          {t('voice.refresh')}
        </button>
      </div>
      {inbox.failure ? <OnlineCallProblem failure={inbox.failure} onRetry={inbox.reload} /> : null}
      {items?.length === 0 ? <p className="empty">{t('voice.inbox.empty')}</p> : null}
      <ul className="voice-list" aria-busy={inbox.loading}>
        {items?.map((item) => (
          <InboxItem key={item.id} item={item} onChanged={keep} />
        ))}
      </ul>
    </section>
  );
}
