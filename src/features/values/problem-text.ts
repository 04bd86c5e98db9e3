import type { KudosProblem } from '../../domain/kudos';
import { LIMITS } from '../../domain/limits';
import type { PlainKey, Translate } from '../../ui/i18n/messages';

/** What is missing or wrong in a kudos, from the form or the command, in the person's language. */
export function kudosProblemText(t: Translate, problem: KudosProblem): string {
  if (problem === 'colleague_required') return t('values.problem.colleague');
  if (problem === 'message_required') return t('values.problem.message');
  return t('values.problem.tooLong', { max: LIMITS.kudosMessage });
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
