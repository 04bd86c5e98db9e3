/**
 * Pulse results. Managers pick from the pulses their phone has (answers from
 * their stores only); HR get the trend across the organisation's pulses, pick
 * one from it, and can create a new pulse. Online only.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { pulsesOnPhone } from '../../data/voice/queries';
import { useT } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';
import { PulseComposer } from './PulseComposer';
import { PulseReportView } from './PulseReportView';
import { PulseTrend } from './PulseTrend';

export function ManagerPulseResults() {
  const { db } = useSession();
  const t = useT();
  const id = useId();
  const pulses = useLiveQuery(() => pulsesOnPhone(db).then((all) => all.sort((a, b) => b.opens_at.localeCompare(a.opens_at))), [db]);
  const [picked, setPicked] = useState<string | null>(null);
  const pulseId = picked ?? pulses?.[0]?.id ?? null;
  return (
    <section aria-labelledby="voice-results-heading">
      <h2 id="voice-results-heading">{t('voice.results.heading')}</h2>
      <p className="muted">{t('voice.results.scopeStores')}</p>
      {pulses?.length === 0 ? <p className="empty">{t('voice.results.none')}</p> : null}
      {pulses && pulses.length > 1 ? (
        <>
          <label htmlFor={`${id}-pulse`}>{t('voice.results.pick')}</label>
          <select id={`${id}-pulse`} className="voice-select" value={pulseId ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {pulses.map((p) => (
              <option key={p.id} value={p.id}>
                {p.question}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {pulseId ? <PulseReportView key={pulseId} pulseId={pulseId} /> : null}
    </section>
  );
}

export function HrPulses() {
  const { api } = useSession();
  const t = useT();
  const [composing, setComposing] = useState(false);
  const [saved, setSaved] = useState(false);
  const trend = useOnlineCall(api, 'trend', (online) => online.call('pulse_trend', { p_limit: 12 }));
  const items = trend.data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const pulseId = picked ?? items.at(-1)?.pulse_id ?? null;

  return (
    <section aria-labelledby="voice-pulses-heading">
      <h2 id="voice-pulses-heading">{t('voice.view.pulses')}</h2>
      {saved ? (
        <p role="status" className="voice-done" data-testid="pulse-saved">
          {t('voice.create.saved')}
        </p>
      ) : null}
      {composing ? (
        <PulseComposer
          onCancel={() => setComposing(false)}
          onSaved={() => {
            setComposing(false);
            setSaved(true);
            trend.reload();
          }}
        />
      ) : (
        <button
          type="button"
          className="primary voice-wide"
          onClick={() => {
            setComposing(true);
            setSaved(false);
          }}
        >
          {t('voice.create.open')}
        </button>
      )}
      {trend.failure ? <OnlineCallProblem failure={trend.failure} onRetry={trend.reload} /> : null}
      {trend.loading && !trend.data ? (
        <p className="muted" role="status">
          {t('voice.loading')}
        </p>
      ) : null}
      {pulseId ? (
        <>
          <h3>{t('voice.results.heading')}</h3>
          <PulseReportView key={pulseId} pulseId={pulseId} />
        </>
      ) : null}
      {trend.data ? (
        <PulseTrend
          items={items}
          selected={pulseId}
          onSelect={(chosen) => {
            setPicked(chosen);
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </section>
  );
}
