import type { PulseAnswerProblem } from '../../data/voice/commands';
import type { FeedbackProblem } from '../../domain/feedback-draft';
import { LIMITS } from '../../domain/limits';
import type { Translate } from '../../ui/i18n/messages';

/** What is missing or wrong in feedback, from the form or the command, in the person's language. */
export function feedbackProblemText(t: Translate, problem: FeedbackProblem): string {
  if (problem === 'body_too_long') return t('voice.form.bodyTooLong', { max: LIMITS.feedbackBody });
  return problem === 'store_required' ? t('voice.form.storeRequired') : t('voice.form.bodyRequired');
}

export function pulseAnswerProblemText(t: Translate, problem: PulseAnswerProblem): string {
  switch (problem) {
    case 'comment_too_long':
      return t('voice.pulse.commentTooLong', { max: LIMITS.pulseComment });
  }
}
