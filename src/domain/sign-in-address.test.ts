import { describe, expect, it } from 'vitest';
import { groupCode, isCodeShaped, isEmail, normalizeCode, signInAddress, signInCodeOf } from './sign-in-address';

describe('signInAddress', () => {
  it('makes the synthetic address from an employee ID and the sign-in code, in lower case', () => {
    expect(signInAddress(' E1004 ', 'Demo')).toBe('e1004@demo.staff.invalid');
    expect(signInAddress('ab.12/x', 'acme-uk')).toBe('ab.12/x@acme-uk.staff.invalid');
  });
  it('takes an email as typed, in lower case, whatever the sign-in code', () => {
    expect(isEmail('Alex@Demo.test')).toBe(true);
    expect(signInAddress(' Alex@Demo.test ', '')).toBe('alex@demo.test');
  });
  it('refuses what cannot be an employee ID or a sign-in code', () => {
    expect(signInAddress('', 'demo')).toBeNull();
    expect(signInAddress('E 1004', 'demo')).toBeNull();
    expect(signInAddress('E1004', '')).toBeNull();
    expect(signInAddress('E1004', 'de.mo')).toBeNull();
    expect(signInAddress('x'.repeat(33), 'demo')).toBeNull();
  });
  it('reads the sign-in code back from a synthetic address only', () => {
    expect(signInCodeOf('e1004@demo.staff.invalid')).toBe('demo');
    expect(signInCodeOf('alex@demo.test')).toBeNull();
  });
});

describe('activation code format', () => {
  it('normalizes dashes, spaces and case', () => {
    expect(normalizeCode('abcd efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(groupCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
  });
  it('knows the shape: 12 letters of the alphabet without look-alikes', () => {
    expect(isCodeShaped('2345-6789-ABCD')).toBe(true);
    expect(isCodeShaped('2345-6789-ABC')).toBe(false);
    // O, 0, I, 1, L and U are never in a code.
    for (const c of 'O0I1LU') expect(isCodeShaped(`2345-6789-ABC${c}`)).toBe(false);
  });
});
