import { describe, expect, it } from 'vitest';
import { i18nFor, registerMessages } from '../../ui/i18n/i18n';
import valuesMessages from '../../ui/i18n/sections/values';
import { refusalText } from './problem-text';

// The router loads the section with its screen; here the test does.
registerMessages(valuesMessages);

describe('refusalText', () => {
  it('says why a kudos was refused in the person\'s language for the codes it knows', () => {
    expect(refusalText(i18nFor('en').t, { code: 'unknown_member', message: 'No such member' })).toBe('this colleague is no longer on the team');
    expect(refusalText(i18nFor('es').t, { code: 'self_kudos', message: 'Self' })).toBe('no puedes darte un reconocimiento');
  });

  it('falls back to the server\'s words for any other code', () => {
    expect(refusalText(i18nFor('en').t, { code: 'too_long', message: 'message is longer than 500 characters' })).toBe('message is longer than 500 characters');
    expect(refusalText(i18nFor('en').t, undefined)).toBe('');
  });
});
