/**
 * HR's lessons as the server has them, audiences included (authored_lessons):
 * the editor needs them to reopen a lesson, and HR's phone only holds the
 * lessons HR is in the audience of. Fetched while online; null when not (yet)
 * known, and the editor then says the audience must be picked again.
 */
import { useEffect, useState } from 'react';
import type { AuthoredLesson } from '../../data/supabase/types';
import { useSession } from '../../ui/session-context';
import { useOnline } from '../../ui/use-online';

export function useAuthoredLessons(enabled: boolean): { lessons: readonly AuthoredLesson[] | null; loading: boolean } {
  const { api } = useSession();
  const online = useOnline();
  const [lessons, setLessons] = useState<readonly AuthoredLesson[] | null>(null);
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (!enabled || !api || !online) return;
    let current = true;
    void api.call('authored_lessons', {}).then((outcome) => {
      if (!current) return;
      if (outcome.ok) setLessons(outcome.data);
      setAnswered(true);
    });
    return () => {
      current = false;
    };
  }, [enabled, api, online]);
  // Waiting only while a call can answer: offline, the editor goes on without the audiences.
  const loading = enabled && api !== null && online && !answered;
  return { lessons, loading };
}
