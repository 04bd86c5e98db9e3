import type { DraftProblemCode } from '../../domain/briefing-draft';
import { LIMITS } from '../../domain/limits';
import type { Translate } from '../../ui/i18n/messages';

const PLAIN = {
  title_required: 'compose.problem.titleRequired',
  body_required: 'compose.problem.bodyRequired',
  store_required: 'compose.problem.storeRequired',
  store_not_managed: 'compose.problem.storeNotManaged',
  shift_time_needs_date: 'compose.problem.shiftNeedsDate',
  shift_end_before_start: 'compose.problem.shiftEndBeforeStart',
  due_invalid: 'compose.problem.dueInvalid',
  due_in_past: 'compose.problem.dueInPast',
  due_before_publish: 'compose.problem.dueBeforePublish',
  publish_invalid: 'compose.problem.publishInvalid',
  publish_in_past: 'compose.problem.publishInPast',
  translation_title_required: 'compose.problem.translationTitleRequired',
  translation_body_required: 'compose.problem.translationBodyRequired',
} as const satisfies Record<Exclude<DraftProblemCode, `${string}_too_long`>, string>;

/** A draft's problem, or the briefing command's, in the person's language. */
export function problemText(t: Translate, code: DraftProblemCode): string {
  if (code.endsWith('title_too_long')) return t('compose.problem.titleTooLong', { max: LIMITS.briefingTitle });
  if (code.endsWith('body_too_long')) return t('compose.problem.bodyTooLong', { max: LIMITS.briefingBody });
  return t(PLAIN[code as keyof typeof PLAIN]);
}
