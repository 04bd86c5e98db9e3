import type { CommandResult } from '../data/command-core';
import type { Translate } from './i18n/messages';

export type CommandFailure = Extract<CommandResult, { ok: false }>;

/** A failed local write in words: a full or lost phone storage has its own message. */
export function commandFailureText(t: Translate, failure: CommandFailure): string {
  if (failure.reason === 'storage_full') return t('error.storageFull');
  if (failure.reason === 'storage_lost') return t('error.storageLost');
  return failure.message;
}
