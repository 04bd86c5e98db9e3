import type { Translate } from '../i18n/messages';
import type { PushNotice } from './use-device-push';

/** What an action came to, when the state alone does not say it. */
export function pushNoticeText(t: Translate, notice: PushNotice | null): string | null {
  switch (notice) {
    case null:
    case 'granted':
    case 'off':
      return null;
    case 'off_here_only':
      return t('push.offHereOnly');
    default:
      return t(`push.result.${notice}`);
  }
}
