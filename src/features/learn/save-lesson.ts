/**
 * HR's lesson calls, with the server's answer turned into words: save_lesson
 * (a new lesson, or an edit guarded by the version it started from) and
 * archive_lesson. Expected refusals come back by their detail code.
 */
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure } from '../../data/supabase/rpc';
import type { Archived, AuthoredLesson } from '../../data/supabase/types';
import { type ContentLanguage, otherLanguage } from '../../domain/content-language';
import { type LessonDraft, lessonContent, lessonTranslation } from '../../domain/lesson-draft';
import type { Translate } from '../../ui/i18n/messages';

type Role = AuthoredLesson['roles'][number];
const ROLES: readonly string[] = ['staff', 'manager', 'hr', 'admin'] satisfies readonly Role[];
const isRole = (value: string): value is Role => ROLES.includes(value);

export type CallOutcome<T> = { ok: true; data: T } | { ok: false; message: string };

export async function saveLesson(
  api: OnlineApi,
  t: Translate,
  id: string,
  draft: LessonDraft,
  baseVersion: number | null,
  /** The original's language (taken when the lesson is created); the translation is in the other one. */
  language: ContentLanguage,
): Promise<CallOutcome<AuthoredLesson>> {
  const content = lessonContent(draft);
  const outcome = await api.call('save_lesson', {
    p_id: id,
    p_title: content.title,
    p_summary: content.summary,
    p_minutes: content.minutes,
    p_cards: content.cards,
    p_quiz: content.quiz,
    p_pass_mark: content.pass_mark,
    p_store_ids: draft.store_ids,
    p_department_ids: draft.department_ids,
    p_roles: draft.roles.filter(isRole),
    p_base_version: baseVersion,
    p_language: language,
    p_translation: lessonTranslation(draft, otherLanguage(language)),
  });
  return outcome.ok ? outcome : { ok: false, message: serverProblem(t, outcome.error) };
}

export async function archiveLesson(api: OnlineApi, t: Translate, id: string): Promise<CallOutcome<Archived>> {
  const outcome = await api.call('archive_lesson', { p_id: id });
  return outcome.ok ? outcome : { ok: false, message: serverProblem(t, outcome.error) };
}

export function serverProblem(t: Translate, error: RpcFailure): string {
  if (error.kind === 'network') return t('learn.server.offline');
  if (error.kind === 'contract') return t('learn.server.failed', { reason: error.message });
  switch (error.details) {
    case 'forbidden':
      return t('learn.server.forbidden');
    case 'version_conflict':
      return t('learn.server.versionConflict');
    case 'lesson_archived':
      return t('learn.server.archived');
    case 'unknown_lesson':
      return t('learn.server.unknownLesson');
    case 'unknown_store':
    case 'unknown_department':
      return t('learn.server.unknownAudience');
    default:
      return error.status === 400 || error.code === '22023'
        ? t('learn.server.invalid', { reason: error.message })
        : t('learn.server.failed', { reason: error.message });
  }
}
