/**
 * The words a notification adds to its title, in English and Spanish. They live
 * with the worker because it shows them with no page open and no i18n runtime.
 */
import type { PushPayload } from '../data/supabase/push-payload';

export type NotificationLocale = 'en' | 'es';

export const NOTIFICATION_WORDS: Readonly<Record<NotificationLocale, Readonly<Record<PushPayload['kind'], (count: number) => string>>>> = {
  en: {
    briefing: () => 'New briefing: please read it',
    reminder: () => 'Reminder: please acknowledge it',
    reply: () => 'Your feedback has a reply',
    digest: (count) => `${count} new briefings`,
    test: () => 'Notifications work on this phone.',
  },
  es: {
    briefing: () => 'Nuevo comunicado: léelo',
    reminder: () => 'Recordatorio: confirma que lo has leído',
    reply: () => 'Tu opinión tiene respuesta',
    digest: (count) => `${count} comunicados nuevos`,
    test: () => 'Los avisos funcionan en este teléfono.',
  },
};

/** The title of a notification the worker words itself: a test carries no title of its own worth showing. */
export const TEST_TITLE: Readonly<Record<NotificationLocale, string>> = {
  en: 'Test notification',
  es: 'Aviso de prueba',
};
