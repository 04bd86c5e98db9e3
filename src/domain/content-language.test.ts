import { describe, expect, it } from 'vitest';
import { pickText } from './content-language';

const card = { title: 'Guests first', statement: 'Greet every guest.' };
const translated = { ...card, language: 'en' as const, translation: { language: 'es' as const, title: 'Los clientes primero', statement: 'Saluda.' } };

describe('pickText', () => {
  it('gives each reader their language when the item has it, with the other one offered', () => {
    expect(pickText(translated, card, 'es')).toEqual({ text: translated.translation, language: 'es', original: 'en', other: 'en' });
    expect(pickText(translated, card, 'en')).toEqual({ text: card, language: 'en', original: 'en', other: 'es' });
  });

  it("follows the reader's switch, but not to a language the item no longer has", () => {
    expect(pickText(translated, card, 'es', 'en').language).toBe('en');
    expect(pickText(translated, card, 'en', 'es').language).toBe('es');
    expect(pickText({ ...card, translation: null }, card, 'en', 'es')).toEqual({ text: card, language: 'en', original: 'en', other: null });
  });

  it('reads rows from before translations as English originals', () => {
    expect(pickText({ language: undefined }, card, 'es')).toEqual({ text: card, language: 'en', original: 'en', other: null });
  });
});
