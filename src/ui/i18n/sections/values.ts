/**
 * Values tab: values cards, kudos, recognition (src/features/values): English and Spanish. Loaded with
 * that screen's chunk, so the staff start screen never downloads it. Importing
 * this module registers it (the screen's module does, so the messages are
 * there before its first render).
 */
import { registerMessages } from '../i18n';
import type { SectionCatalog } from '../messages';

export const valuesEn = {
  'values.title': 'Values',
} as const;

export const valuesEs = {
  'values.title': 'Valores',
} as const satisfies SectionCatalog<typeof valuesEn>;

registerMessages({ en: valuesEn, es: valuesEs });
