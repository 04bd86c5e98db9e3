import type { CommandFailure } from '../data/command-core';
import type { Translate } from './i18n/messages';

/**
 * A command's failure in the person's language. The phone's storage and a
 * malformed payload have the same words everywhere; a command that refuses
 * input has problem codes of its own, so its feature must pass their words
 * (the typecheck asks for them).
 */
export function commandFailureText(t: Translate, failure: CommandFailure): string;
export function commandFailureText<P extends string>(t: Translate, failure: CommandFailure<P>, problemText: (problem: P) => string): string;
export function commandFailureText<P extends string>(t: Translate, failure: CommandFailure<P>, problemText?: (problem: P) => string): string {
  if (failure.reason !== 'invalid') return t(failure.reason === 'storage_full' ? 'error.storageFull' : 'error.storageLost');
  if (failure.problem === 'malformed' || !problemText) return t('error.malformed');
  return problemText(failure.problem);
}
