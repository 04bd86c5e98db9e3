/**
 * Learn tab: lessons, quiz, spaced review, training (src/features/learn): English and Spanish. Loaded with
 * that screen's chunk, so the staff start screen never downloads it. Importing
 * this module registers it (the screen's module does, so the messages are
 * there before its first render).
 */
import { registerMessages } from '../i18n';
import type { SectionCatalog } from '../messages';

export const learnEn = {
  'learn.title': 'Learn',
} as const;

export const learnEs = {
  'learn.title': 'Aprender',
} as const satisfies SectionCatalog<typeof learnEn>;

registerMessages({ en: learnEn, es: learnEs });
