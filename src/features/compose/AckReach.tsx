import type { BriefingAckStatus } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';

/**
 * Where the phones reached, from briefing_ack_status's `push`: "Notified on 12 devices
 * · 3 waiting to be sent · 2 people have notifications off". Waiting only when some are;
 * notifications off only while someone has not acknowledged.
 */
export function PushReachLine({ push, pending }: { push: BriefingAckStatus['push']; pending: number }) {
  const { t } = useI18n();
  const parts = [t('compose.ack.push.notified', { count: push.devices_notified })];
  if (push.devices_waiting > 0) parts.push(t('compose.ack.push.waiting', { count: push.devices_waiting }));
  if (pending > 0) parts.push(t('compose.ack.push.off', { count: push.pending_without_notifications }));
  return (
    <p className="compose-reach__push" data-testid="ack-push-reach">
      {parts.join(' · ')}
    </p>
  );
}

/** Those who have not acknowledged; a person with no device to notify says so in words, for the manager to tell in person. */
export function PendingPeople({ people, overdue }: { people: BriefingAckStatus['pending']; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <ul className={overdue ? 'compose-reach__people compose-reach__people--overdue' : 'compose-reach__people'} data-testid="ack-pending">
      {people.map((p) => (
        <li key={p.member_id}>
          <span className="compose-reach__name">{p.display_name}</span>
          <span className="compose-reach__where">{[p.department_name ?? t('compose.ack.noDepartment'), p.store_name].filter(Boolean).join(' · ')}</span>
          {p.notifications ? null : (
            <span className="compose-reach__badge" data-testid="no-notifications">
              <BellOff />
              {t('compose.ack.noNotifications')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A struck-through bell beside the words; the words carry the meaning. */
function BellOff() {
  return (
    <svg className="compose-reach__badge-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
      <path
        d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14a1.5 1.5 0 0 0 3 0M2 2l12 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
