import type { AuthoredLesson } from '../../data/supabase/types';
import { useT } from '../../ui/i18n/I18nProvider';

/** HR: every live lesson of the organisation, whoever it is for, each reopened in the editor. */
export function OrganisationLessons({ lessons, onEdit }: { lessons: readonly AuthoredLesson[]; onEdit(lessonId: string): void }) {
  const t = useT();
  return (
    <section className="learn-org" aria-labelledby="learn-org-heading">
      <h2 id="learn-org-heading">{t('learn.org.heading')}</h2>
      <ul className="learn-org__list">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="learn-org__item">
            <span>
              <strong id={`org-${lesson.id}`}>{lesson.title}</strong>
              <span className="muted">
                {' · '}
                {audienceText(t, lesson)}
              </span>
            </span>
            <button type="button" aria-describedby={`org-${lesson.id}`} onClick={() => onEdit(lesson.id)}>
              {t('learn.action.edit')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function audienceText(t: ReturnType<typeof useT>, lesson: AuthoredLesson): string {
  if (lesson.store_ids.length + lesson.department_ids.length + lesson.roles.length === 0) return t('learn.org.everyone');
  return t('learn.org.some');
}
