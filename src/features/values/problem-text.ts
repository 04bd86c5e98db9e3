import type { PlainKey, Translate } from '../../ui/i18n/messages';

const REASON = new Map<string, PlainKey>([
  ['self_kudos', 'values.reason.self'],
  ['unknown_member', 'values.reason.member'],
  ['unknown_value', 'values.reason.value'],
]);

/** Why the server refused a kudos: our words for the codes we know, the server's message otherwise. */
export function refusalText(t: Translate, rejection: { code: string; message: string } | undefined): string {
  const key = rejection ? REASON.get(rejection.code) : undefined;
  return key ? t(key) : rejection?.message || rejection?.code || '';
}
