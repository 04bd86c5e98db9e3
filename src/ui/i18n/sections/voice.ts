/**
 * Voice tab: feedback, board, inbox, pulses (src/features/voice): English and Spanish. Loaded with
 * that screen's chunk, so the staff start screen never downloads it. Importing
 * this module registers it (the screen's module does, so the messages are
 * there before its first render).
 */
import { registerMessages } from '../i18n';
import type { SectionCatalog } from '../messages';

export const voiceEn = {
  'voice.title': 'Voice',
} as const;

export const voiceEs = {
  'voice.title': 'Tu voz',
} as const satisfies SectionCatalog<typeof voiceEn>;

registerMessages({ en: voiceEn, es: voiceEs });
