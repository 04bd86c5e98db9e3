/**
 * The wide layout's side navigation (src/app/SideNav.tsx): its skip link, group
 * names and the signed-in person's role, in English and Spanish. Registered by
 * that component's lazily loaded chunk, never in the phone's first download.
 */
import type { SectionCatalog } from '../types';

export const sidenavEn = {
  'sidenav.skip': 'Skip to content',
  'sidenav.group.daily': 'Daily',
  'sidenav.group.manage': 'Manage',
  'sidenav.group.account': 'Your account',
  'sidenav.signedInAs': 'Signed in as {name}',
  'sidenav.role.staff': 'Staff',
  'sidenav.role.manager': 'Manager',
  'sidenav.role.hr': 'HR',
  'sidenav.role.admin': 'Administrator',
} as const;

export const sidenavEs = {
  'sidenav.skip': 'Ir al contenido',
  'sidenav.group.daily': 'Día a día',
  'sidenav.group.manage': 'Gestionar',
  'sidenav.group.account': 'Tu cuenta',
  'sidenav.signedInAs': 'Sesión iniciada como {name}',
  'sidenav.role.staff': 'Personal',
  'sidenav.role.manager': 'Gerente',
  'sidenav.role.hr': 'RR. HH.',
  'sidenav.role.admin': 'Administración',
} as const satisfies SectionCatalog<typeof sidenavEn>;

export default { en: sidenavEn, es: sidenavEs };

// Its keys join t()'s type wherever this file is compiled, with no import that runs anything.
declare module '../types' {
  interface SectionMessages {
    sidenav: typeof sidenavEn;
  }
}
