/**
 * Signing in with an employee ID: a person without an email has the login address
 * `<employee id>@<sign-in code>.staff.invalid` (lower case; .invalid is never
 * delivered), made by the activate function from their organisation's sign-in code.
 * The sign-in screen computes the same address from what is typed, so no server call
 * tells an anonymous caller which login an employee ID has. Activation codes are
 * 12 letters of an alphabet without look-alikes, grouped XXXX-XXXX-XXXX; people type
 * them with or without dashes, in any case.
 */

export const SYNTHETIC_DOMAIN = 'staff.invalid';
const EMPLOYEE_ID = /^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$/i;
const SIGN_IN_CODE = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** An email is typed as one (with an @); anything else is taken as an employee ID. */
export function isEmail(identifier: string): boolean {
  return identifier.includes('@');
}

/** The login address for what the person typed, or null when it cannot be one. */
export function signInAddress(identifier: string, signInCode: string): string | null {
  const typed = identifier.trim();
  if (isEmail(typed)) return typed.toLowerCase();
  const org = signInCode.trim().toLowerCase();
  if (typed.length === 0 || typed.length > 32 || !EMPLOYEE_ID.test(typed) || !SIGN_IN_CODE.test(org)) return null;
  return `${typed.toLowerCase()}@${org}.${SYNTHETIC_DOMAIN}`;
}

/** The sign-in code inside a synthetic address, or null for a real email. */
export function signInCodeOf(address: string): string | null {
  const match = /@([a-z0-9-]+)\.staff\.invalid$/.exec(address);
  return match?.[1] ?? null;
}

/** A typed code as the server compares it: letters and digits, upper case. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Whether a typed code has the shape of one (12 letters of the alphabet), before asking the server. */
export function isCodeShaped(typed: string): boolean {
  const code = normalizeCode(typed);
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** The code grouped for reading aloud and printing: XXXX-XXXX-XXXX. */
export function groupCode(typed: string): string {
  return (normalizeCode(typed).match(/.{1,4}/g) ?? []).join('-');
}
