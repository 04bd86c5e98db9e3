import { describe, expect, it } from 'vitest';
import { changedTexts } from './briefing-changes';
import { pickBriefingText, type TranslatableBriefing } from './briefing-language';

const withSpanish: TranslatableBriefing = {
  title: 'Close the freezer',
  body: 'Check the seal.',
  language: 'en',
  translation: { language: 'es', title: 'Cierra el congelador', body: 'Revisa el cierre.' },
};

describe('pickBriefingText', () => {
  it('shows a Spanish reader the Spanish version, offering the English original', () => {
    expect(pickBriefingText(withSpanish, 'es')).toEqual({
      title: 'Cierra el congelador',
      body: 'Revisa el cierre.',
      language: 'es',
      original: 'en',
      other: 'en',
    });
  });

  it('shows an English reader the English original, offering the Spanish version', () => {
    expect(pickBriefingText(withSpanish, 'en')).toMatchObject({ title: 'Close the freezer', language: 'en', other: 'es' });
  });

  it('follows the reader switching to the original and back', () => {
    expect(pickBriefingText(withSpanish, 'es', 'en')).toMatchObject({ title: 'Close the freezer', language: 'en', other: 'es' });
    expect(pickBriefingText(withSpanish, 'es', 'es')).toMatchObject({ title: 'Cierra el congelador', language: 'es', other: 'en' });
    expect(pickBriefingText(withSpanish, 'en', 'es')).toMatchObject({ title: 'Cierra el congelador', language: 'es' });
  });

  it('shows the original, with no switch, when the version has no translation', () => {
    const plain: TranslatableBriefing = { title: 'Close the freezer', body: 'Check the seal.', language: 'en', translation: null };
    expect(pickBriefingText(plain, 'es')).toEqual({ title: 'Close the freezer', body: 'Check the seal.', language: 'en', original: 'en', other: null });
    // A choice the version no longer has a text in falls back to what the reader would see anyway.
    expect(pickBriefingText(plain, 'es', 'es')).toMatchObject({ language: 'en', other: null });
  });

  it('treats rows from before translations as English originals', () => {
    expect(pickBriefingText({ title: 'T', body: 'B' }, 'es')).toMatchObject({ title: 'T', language: 'en', original: 'en', other: null });
  });

  it('shows an English reader the English translation of a Spanish original', () => {
    const spanish: TranslatableBriefing = {
      title: 'Inventario',
      body: 'Cuenta todo.',
      language: 'es',
      translation: { language: 'en', title: 'Stocktake', body: 'Count everything.' },
    };
    expect(pickBriefingText(spanish, 'en')).toMatchObject({ title: 'Stocktake', language: 'en', original: 'es', other: 'es' });
    expect(pickBriefingText(spanish, 'es')).toMatchObject({ title: 'Inventario', language: 'es', other: 'en' });
  });
});

describe('changedTexts', () => {
  const previous = {
    title: 'Close the freezer',
    body: 'Check the seal.',
    translation: { language: 'es' as const, title: 'Cierra el congelador', body: 'Revisa el cierre.' },
  };
  const current: TranslatableBriefing = {
    title: 'Close the freezer',
    body: 'Check the seal twice.',
    language: 'en',
    translation: { language: 'es', title: 'Cierra el congelador', body: 'Revisa el cierre dos veces.' },
  };

  it('compares the translations for a reader of the translation', () => {
    const { before, after, language } = changedTexts(current, previous, pickBriefingText(current, 'es'));
    expect([before.body, after.title, after.body, language]).toEqual(['Revisa el cierre.', 'Cierra el congelador', 'Revisa el cierre dos veces.', 'es']);
  });

  it('compares the originals for a reader of the original', () => {
    const { before, after, language } = changedTexts(current, previous, pickBriefingText(current, 'en'));
    expect([before.body, after.body, language]).toEqual(['Check the seal.', 'Check the seal twice.', 'en']);
  });

  it('compares the originals when the version before had no translation to compare with', () => {
    const { before, after, language } = changedTexts(current, { ...previous, translation: null }, pickBriefingText(current, 'es'));
    expect([before.body, after.body, language]).toEqual(['Check the seal.', 'Check the seal twice.', 'en']);
  });
});
