/**
 * /briefings/:id: one briefing as staff see it, with its acknowledge button,
 * from the phone's copy (offline too). The address a notification or a link
 * opens; a briefing not (yet) on the phone is said so, live, so it appears
 * the moment a sync brings it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { acksOf, oneBriefing } from '../../data/briefings/queries';
import { ackState, isOpenTo, supersededAckVersion } from '../../domain/briefing-status';
import { BriefingCard } from '../../ui/briefing/BriefingCard';
import { useAcknowledge } from '../../ui/briefing/use-acknowledge';
import { commandFailureText } from '../../ui/command-failure-text';
import { useT } from '../../ui/i18n/I18nProvider';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { Unavailable } from '../../ui/Unavailable';
import { useMinuteClock } from '../../ui/use-minute-clock';

export function BriefingScreen({ params }: { params: Params }) {
  const id = params.id!;
  const { db, me } = useSession();
  const t = useT();
  const now = useMinuteClock();
  const briefing = useLiveQuery(() => oneBriefing(db, id).then((b) => b ?? null), [db, id]);
  const acks = useLiveQuery(() => acksOf(db, id), [db, id]);
  const { acknowledge, failure: error } = useAcknowledge();

  if (briefing === undefined || acks === undefined) return <p className="muted">{t('today.loading')}</p>;
  // Scheduled for later: on the phone already, but not anyone's to read before its time (its author's excepted).
  if (briefing === null || !isOpenTo(briefing, me?.member_id ?? null, now)) return <Unavailable reason="missing" />;
  return (
    <section aria-label={briefing.title}>
      {error ? (
        <p role="alert" className="error">
          {commandFailureText(t, error)}
        </p>
      ) : null}
      <BriefingCard
        briefing={briefing}
        state={ackState(briefing, acks, now, me?.member_id ?? null)}
        ackedVersion={supersededAckVersion(briefing, acks)}
        onAcknowledge={acknowledge}
      />
    </section>
  );
}
