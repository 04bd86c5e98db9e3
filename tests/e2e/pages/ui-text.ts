/**
 * The words the page models look for, per UI language. English is the default
 * everywhere; the language tests pass 'es'. Kept literal (not read from the
 * app's catalogs) so a changed label fails a test instead of following along.
 */
export type UiLocale = 'en' | 'es';

export const UI_TEXT = {
  en: {
    nav: 'Main',
    today: 'Today',
    account: 'Account',
    more: 'More',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signOutAnyway: 'Sign out anyway',
    signedInAs: 'Signed in as',
    noBriefings: 'No briefings yet',
    acknowledge: 'Read and understood',
    language: 'Language / Idioma',
    search: 'Search briefings',
  },
  es: {
    nav: 'Principal',
    today: 'Hoy',
    account: 'Cuenta',
    more: 'Más',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    signOutAnyway: 'Cerrar sesión de todos modos',
    signedInAs: 'Sesión iniciada como',
    noBriefings: 'Todavía no hay comunicados',
    acknowledge: 'Leído y entendido',
    language: 'Idioma / Language',
    search: 'Buscar comunicados',
  },
} as const satisfies Record<UiLocale, Record<string, string>>;
