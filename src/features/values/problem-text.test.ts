import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandContext } from '../../data/testing/command-context';
import { giveKudos } from '../../data/values/commands';
import { LIMITS } from '../../domain/limits';
import { commandFailureText } from '../../ui/command-failure-text';
import { i18nFor, loadLocale, registerMessages } from '../../ui/i18n/i18n';
import valuesMessages from '../../ui/i18n/sections/values';
import { kudosProblemText, refusalText } from './problem-text';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

// The router loads the section with its screen; here the test does.
registerMessages(valuesMessages);

describe('refusalText', () => {
  it("says why a kudos was refused in the person's language for the codes it knows", () => {
    expect(refusalText(i18nFor('en').t, { code: 'unknown_member', message: 'No such member' })).toBe('this colleague is no longer on the team');
    expect(refusalText(i18nFor('es').t, { code: 'self_kudos', message: 'Self' })).toBe('no puedes darte un reconocimiento');
  });

  it("falls back to the server's words for any other code", () => {
    expect(refusalText(i18nFor('en').t, { code: 'too_long', message: 'message is longer than 500 characters' })).toBe('message is longer than 500 characters');
    expect(refusalText(i18nFor('en').t, undefined)).toBe('');
  });
});

describe('a kudos the command refuses', () => {
  const commands = commandContext();
  const tooLong = () => giveKudos(commands.ctx(), { to_member_id: crypto.randomUUID(), message: 'x'.repeat(LIMITS.kudosMessage + 1) });

  it('is said in Spanish on a Spanish phone, with the limit the command applied', async () => {
    const result = await tooLong();
    if (result.ok) throw new Error('a message over the limit was accepted');
    const { t } = i18nFor('es');
    expect(commandFailureText(t, result, (problem) => kudosProblemText(t, problem))).toBe(
      `El reconocimiento puede tener como máximo ${LIMITS.kudosMessage} caracteres.`,
    );
  });

  it('is said in English on an English phone', async () => {
    const result = await tooLong();
    if (result.ok) throw new Error('a message over the limit was accepted');
    const { t } = i18nFor('en');
    expect(commandFailureText(t, result, (problem) => kudosProblemText(t, problem))).toBe(`Kudos can be at most ${LIMITS.kudosMessage} characters.`);
  });

  it('a full phone is said in Spanish too', () => {
    expect(commandFailureText(i18nFor('es').t, { ok: false, reason: 'storage_full' })).toBe(
      'Este teléfono no tiene espacio. Libera espacio e inténtalo de nuevo.',
    );
  });
});
