/**
 * Which build of the app this is: `VITE_APP_BUILD` at build time (a release name or
 * commit, e.g. set by CI), shown in the Account screen so support can tell versions apart.
 */
export const APP_BUILD: string = import.meta.env.VITE_APP_BUILD || 'dev';
