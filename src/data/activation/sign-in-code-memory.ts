/**
 * The organisation's sign-in code this browser last signed in or activated with, so
 * signing in with an employee ID asks for it only once per phone. Not a secret: it is
 * printed on every activation sheet. Kept in localStorage, outside any person's data.
 */
const KEY = 'frontline-sign-in-code';

export function rememberedSignInCode(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberSignInCode(code: string): void {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private mode or a full disk: the person types it again next time.
  }
}
