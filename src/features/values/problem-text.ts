import type { CommandResult } from '../../data/command-core';
import type { PlainKey, Translate } from '../../ui/i18n/messages';

/** Why a command could not save, in the person's language (storage problems have shared words). */
export function commandFailureText(t: Translate, failure: Extract<CommandResult, { ok: false }>): string {
  if (failure.reason === 'storage_full') return t('error.storageFull');
  if (failure.reason === 'storage_lost') return t('error.storageLost');
  return failure.message;
}

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
