/**
 * Activation (src/features/activate): the /activate screen a new person opens from
 * their sheet, and the printable store sheet of codes for HR and managers. English
 * and Spanish; loaded with those screens only.
 */
import type { SectionCatalog } from '../types';

export const activateEn = {
  'activate.title': 'Activate your account',
  'activate.intro': 'Use the code from the sheet your manager gave you. You do this once; after that you sign in with your employee ID and password.',
  'activate.employeeId': 'Employee ID',
  'activate.code': 'Activation code',
  'activate.codeHint': '12 letters and numbers, for example ABCD-EFGH-JKMN.',
  'activate.password': 'New password',
  'activate.passwordHint': 'At least 8 characters.',
  'activate.passwordAgain': 'New password again',
  'activate.submit': 'Activate and sign in',
  'activate.busy': 'Activating…',
  'activate.done': 'Your account is ready. Signing you in…',
  'activate.toSignIn': 'Already activated? Sign in',
  'activate.signedIn': 'This phone is already signed in. To activate someone else, sign out first on Account.',
  'activate.error.mismatch': 'The two passwords are not the same.',
  'activate.error.codeShape': 'That code is not complete: it has 12 letters and numbers.',
  'activate.error.invalid_request': 'Fill in your employee ID, the code and a password.',
  'activate.error.weak_password': 'Choose a password of at least 8 characters.',
  'activate.error.invalid_code': 'That employee ID and code do not match. Check both and try again.',
  'activate.error.code_expired': 'This code has expired. Ask your manager for a new one.',
  'activate.error.code_used': 'This code was already used. Sign in, or ask your manager for a new code.',
  'activate.error.too_many_attempts': 'Too many wrong tries: this code is locked. Ask your manager for a new one.',
  'activate.error.login_taken': 'Your email already has an account here. Ask HR for help.',
  'activate.error.offline': 'No connection. Activating needs the network once.',
  'activate.error.failed': 'Activation did not work. Try again in a moment.',
  'activate.error.signIn': 'Your account is ready, but signing in did not work. Sign in with your employee ID and new password.',
  'activate.sheet.title': 'Activation sheet',
  'activate.sheet.intro': 'One code per person who has not activated yet. Making a sheet replaces their earlier codes.',
  'activate.sheet.store': 'Store',
  'activate.sheet.all': 'Everyone at the store (a code also resets the password of someone who already activated)',
  'activate.sheet.make': 'Make codes',
  'activate.sheet.busy': 'Making codes…',
  'activate.sheet.print': 'Print',
  'activate.sheet.loadingStores': 'Loading stores…',
  'activate.sheet.noStores': 'No stores to choose from.',
  'activate.sheet.empty': 'Everyone at this store has activated.',
  'activate.sheet.heading': 'Activation codes: {store}',
  'activate.sheet.expires': 'Codes work once, until {date}.',
  'activate.sheet.employeeId': 'Employee ID',
  'activate.sheet.code': 'Code',
  'activate.sheet.signInCode': 'Company code',
  'activate.sheet.howTo': 'Scan the square, or open the address below. Later, sign in with your employee ID, company code {org} and your password.',
  'activate.sheet.error.forbidden': 'You can make codes only for the stores you run.',
  'activate.sheet.error.offline': 'No connection. Making codes needs the network.',
  'activate.sheet.error.failed': 'The codes could not be made.',
} as const;

export const activateEs = {
  'activate.title': 'Activa tu cuenta',
  'activate.intro': 'Usa el código de la hoja que te dio tu gerente. Solo se hace una vez; después entras con tu número de empleado y tu contraseña.',
  'activate.employeeId': 'Número de empleado',
  'activate.code': 'Código de activación',
  'activate.codeHint': '12 letras y números, por ejemplo ABCD-EFGH-JKMN.',
  'activate.password': 'Contraseña nueva',
  'activate.passwordHint': 'Al menos 8 caracteres.',
  'activate.passwordAgain': 'Repite la contraseña nueva',
  'activate.submit': 'Activar y entrar',
  'activate.busy': 'Activando…',
  'activate.done': 'Tu cuenta está lista. Entrando…',
  'activate.toSignIn': '¿Ya la activaste? Inicia sesión',
  'activate.signedIn': 'Este teléfono ya tiene una sesión iniciada. Para activar a otra persona, cierra la sesión en Cuenta.',
  'activate.error.mismatch': 'Las dos contraseñas no coinciden.',
  'activate.error.codeShape': 'El código está incompleto: tiene 12 letras y números.',
  'activate.error.invalid_request': 'Escribe tu número de empleado, el código y una contraseña.',
  'activate.error.weak_password': 'Elige una contraseña de al menos 8 caracteres.',
  'activate.error.invalid_code': 'El número de empleado y el código no coinciden. Revisa los dos y vuelve a intentarlo.',
  'activate.error.code_expired': 'Este código ha caducado. Pide uno nuevo a tu gerente.',
  'activate.error.code_used': 'Este código ya se usó. Inicia sesión o pide un código nuevo a tu gerente.',
  'activate.error.too_many_attempts': 'Demasiados intentos fallidos: el código está bloqueado. Pide uno nuevo a tu gerente.',
  'activate.error.login_taken': 'Tu correo ya tiene una cuenta aquí. Pide ayuda a Recursos Humanos.',
  'activate.error.offline': 'Sin conexión. Para activar hace falta la red una vez.',
  'activate.error.failed': 'No se pudo activar. Vuelve a intentarlo en un momento.',
  'activate.error.signIn': 'Tu cuenta está lista, pero no se pudo iniciar sesión. Entra con tu número de empleado y la contraseña nueva.',
  'activate.sheet.title': 'Hoja de activación',
  'activate.sheet.intro': 'Un código por cada persona que aún no ha activado su cuenta. Al hacer una hoja se sustituyen sus códigos anteriores.',
  'activate.sheet.store': 'Tienda',
  'activate.sheet.all': 'Todo el personal de la tienda (un código también cambia la contraseña de quien ya activó su cuenta)',
  'activate.sheet.make': 'Crear códigos',
  'activate.sheet.busy': 'Creando códigos…',
  'activate.sheet.print': 'Imprimir',
  'activate.sheet.loadingStores': 'Cargando tiendas…',
  'activate.sheet.noStores': 'No hay tiendas para elegir.',
  'activate.sheet.empty': 'Todo el personal de esta tienda ya activó su cuenta.',
  'activate.sheet.heading': 'Códigos de activación: {store}',
  'activate.sheet.expires': 'Cada código sirve una vez, hasta el {date}.',
  'activate.sheet.employeeId': 'Número de empleado',
  'activate.sheet.code': 'Código',
  'activate.sheet.signInCode': 'Código de empresa',
  'activate.sheet.howTo':
    'Escanea el cuadrado o abre la dirección de abajo. Después, entra con tu número de empleado, el código de empresa {org} y tu contraseña.',
  'activate.sheet.error.forbidden': 'Solo puedes crear códigos para las tiendas que gestionas.',
  'activate.sheet.error.offline': 'Sin conexión. Para crear códigos hace falta la red.',
  'activate.sheet.error.failed': 'No se pudieron crear los códigos.',
} as const satisfies SectionCatalog<typeof activateEn>;

export default { en: activateEn, es: activateEs };

// Its keys join t()'s type wherever this file is compiled, with no import that runs anything.
declare module '../types' {
  interface SectionMessages {
    activate: typeof activateEn;
  }
}
