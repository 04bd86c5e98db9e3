import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useRef, useState } from 'react';
import { lessonWithProgress } from '../../data/learn/queries';
import type { AuthoredLesson, Lesson } from '../../data/supabase/types';
import { otherLanguage } from '../../domain/content-language';
import { checkLessonDraft, type DraftProblem, type LessonDraft, translationStarted } from '../../domain/lesson-draft';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { useOnline } from '../../ui/use-online';
import { AudiencePicker } from './AudiencePicker';
import { CardsEditor } from './CardsEditor';
import { blankDraft, draftFromLesson } from './draft-from-lesson';
import { EditorField } from './EditorField';
import { LessonTranslationEditor } from './LessonTranslationEditor';
import { fieldId, fieldProblems } from './problem-text';
import { QuestionsEditor } from './QuestionsEditor';
import { archiveLesson, saveLesson } from './save-lesson';

export interface LessonEditorProps {
  /** null: a new lesson. */
  lessonId: string | null;
  /** The server's copy with its audience; null when not known (offline), undefined while it loads. */
  known: AuthoredLesson | null | undefined;
  onDone(notice: string, saved?: AuthoredLesson): void;
  onCancel(): void;
}

/** A number field's text: empty while the person has cleared it. */
const numberText = (value: number) => (Number.isNaN(value) ? '' : String(value));

/** HR writes or edits a lesson; saving and archiving need the network and say so. */
export function LessonEditor({ lessonId, known, onDone, onCancel }: LessonEditorProps) {
  const { db } = useSession();
  const t = useT();
  const onPhone = useLiveQuery(async () => (lessonId ? (await lessonWithProgress(db, lessonId)).lesson : null), [db, lessonId]);
  if (onPhone === undefined || known === undefined) return <p className="muted">{t('learn.loading')}</p>;
  // The server's copy when there is one: it has the audience, and HR may not be in it (so not hold it on the phone).
  const lesson = known && (!onPhone || known.version >= onPhone.version) ? known : onPhone;
  return <EditorForm lesson={lesson} known={known} onDone={onDone} onCancel={onCancel} />;
}

function EditorForm({
  lesson,
  known,
  onDone,
  onCancel,
}: { lesson: Lesson | null; known: AuthoredLesson | null } & Omit<LessonEditorProps, 'lessonId' | 'known'>) {
  const { api, engine, commands } = useSession();
  const { t, locale } = useI18n();
  const online = useOnline();
  const newKey = () => commands.newId();
  const [draft, setDraft] = useState<LessonDraft>(() => (lesson ? draftFromLesson(lesson, known, newKey) : blankDraft(newKey)));
  // A new lesson is written in the language HR's screens are in; an existing one keeps its own.
  const language = lesson ? (lesson.language ?? 'en') : locale;
  const other = otherLanguage(language);
  const [translationOpen, setTranslationOpen] = useState(() => translationStarted(draft));
  // Fixed for this form, so sending twice edits one lesson instead of making two.
  const [id] = useState(() => lesson?.id ?? commands.newId());
  const [problems, setProblems] = useState<DraftProblem[] | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problem = fieldProblems(t, problems);
  const change = (next: LessonDraft) => {
    setDraft(next);
    if (problems) setProblems(checkLessonDraft(next));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkLessonDraft(draft);
    setProblems(found);
    if (found.some((p) => p.field.startsWith('translation.'))) setTranslationOpen(true);
    if (found.length > 0) {
      // The first field to fix gets the focus; its problem is read out with it.
      requestAnimationFrame(() => (document.getElementById(fieldId(found[0]!.field)) ?? summaryRef.current)?.focus());
      return;
    }
    if (!api || !online) return setServerError(t('learn.editor.offline'));
    setBusy(true);
    const outcome = await saveLesson(api, t, id, draft, lesson?.version ?? null, language);
    setBusy(false);
    if (!outcome.ok) return setServerError(outcome.message);
    void engine?.requestSync();
    onDone(t('learn.editor.saved', { title: outcome.data.title, version: outcome.data.version }), outcome.data);
  }

  async function archive() {
    if (!lesson || !api) return setServerError(t('learn.editor.offline'));
    setBusy(true);
    const outcome = await archiveLesson(api, t, lesson.id);
    setBusy(false);
    if (!outcome.ok) return setServerError(outcome.message);
    void engine?.requestSync();
    onDone(t('learn.editor.archived', { title: lesson.title }));
  }

  const count = problems?.length ?? 0;
  return (
    <section className="learn lesson-editor" aria-labelledby="editor-title">
      <button type="button" className="link-button" onClick={onCancel}>{`← ${t('learn.back')}`}</button>
      <h1 id="editor-title">{lesson ? t('learn.editor.editHeading') : t('learn.editor.newHeading')}</h1>
      {lesson ? <p className="muted">{t('learn.editor.editNote')}</p> : null}
      {!online ? <p className="warning">{t('learn.editor.offline')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <EditorField
          field="title"
          label={t('learn.editor.title')}
          value={draft.title}
          onChange={(title) => change({ ...draft, title })}
          error={problem('title')}
        />
        <EditorField
          field="summary"
          label={t('learn.editor.summary')}
          value={draft.summary}
          multiline
          onChange={(summary) => change({ ...draft, summary })}
          error={problem('summary')}
        />
        <div className="editor-numbers">
          <EditorField
            field="minutes"
            label={t('learn.editor.minutes')}
            type="number"
            inputMode="numeric"
            value={numberText(draft.minutes)}
            onChange={(v) => change({ ...draft, minutes: v === '' ? Number.NaN : Number(v) })}
            error={problem('minutes')}
          />
          <EditorField
            field="pass_mark"
            label={t('learn.editor.passMark')}
            type="number"
            inputMode="numeric"
            value={numberText(draft.pass_mark)}
            onChange={(v) => change({ ...draft, pass_mark: v === '' ? Number.NaN : Number(v) })}
            error={problem('pass_mark')}
          />
        </div>
        <CardsEditor cards={draft.cards} onChange={(cards) => change({ ...draft, cards })} problem={problem} newKey={newKey} />
        <QuestionsEditor quiz={draft.quiz} onChange={(quiz) => change({ ...draft, quiz })} problem={problem} />
        <LessonTranslationEditor
          draft={draft}
          language={other}
          open={translationOpen}
          onToggle={setTranslationOpen}
          onChange={(translation) => change({ ...draft, translation })}
          problem={problem}
          problems={problems?.some((p) => p.field.startsWith('translation.')) ?? false}
        />
        {lesson && !known ? <p className="warning">{t('learn.editor.audienceUnknown')}</p> : null}
        <AudiencePicker audience={draft} onChange={(audience) => change({ ...draft, ...audience })} />
        <div ref={summaryRef} tabIndex={-1} className="editor-summary">
          {count > 0 ? (
            <p className="error" role="alert">
              {t('learn.editor.fixFirst', { count })}
            </p>
          ) : null}
          {serverError ? (
            <p className="error" role="alert" data-testid="editor-error">
              {serverError}
            </p>
          ) : null}
        </div>
        <div className="learn-actions">
          <button type="button" onClick={onCancel}>
            {t('learn.editor.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('learn.editor.saving') : t('learn.editor.save')}
          </button>
        </div>
      </form>
      {lesson ? (
        confirmArchive ? (
          <div className="warning editor-archive" role="alertdialog" aria-labelledby="archive-question">
            <p id="archive-question">{t('learn.editor.archiveConfirm', { title: lesson.title })}</p>
            <div className="learn-actions">
              <button type="button" onClick={() => setConfirmArchive(false)}>
                {t('learn.editor.archiveNo')}
              </button>
              <button type="button" className="danger" disabled={busy} onClick={() => void archive()}>
                {t('learn.editor.archiveYes')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="danger editor-archive-button" onClick={() => setConfirmArchive(true)}>
            {t('learn.editor.archive')}
          </button>
        )
      ) : null}
    </section>
  );
}
