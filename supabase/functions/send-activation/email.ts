/**
 * The activation email itself, in the person's language (en or es): their employee ID,
 * the code, the company code and the /activate?code=... address, as text and as HTML.
 * Everything that comes from people (names, addresses) is escaped in the HTML.
 */

export type EmailLocale = 'en' | 'es';

export interface ActivationEmailInput {
  locale: string;
  displayName: string;
  employeeId: string;
  code: string;
  signInCode: string;
  /** The app's origin, e.g. https://app.example.com (no trailing slash needed). */
  appUrl: string;
  expiresAt: string;
}

export interface ActivationEmail {
  subject: string;
  text: string;
  html: string;
  /** The address in it: <app>/activate?code=... */
  link: string;
}

const WORDS = {
  en: {
    subject: 'Your Frontline activation code',
    hello: (name: string) => `Hello ${name},`,
    intro: 'Your manager or HR made you an activation code for Frontline. Open this address on your phone to choose your password:',
    employeeId: 'Employee ID',
    code: 'Activation code',
    signInCode: 'Company code',
    expires: (date: string) => `The code works once, until ${date}. Afterwards, sign in with your employee ID, the company code and your password.`,
    ignore: 'If you did not expect this email, you can ignore it.',
    button: 'Activate my account',
  },
  es: {
    subject: 'Tu código de activación de Frontline',
    hello: (name: string) => `Hola ${name}:`,
    intro: 'Tu gerente o RR. HH. te ha creado un código de activación para Frontline. Abre esta dirección en tu teléfono para elegir tu contraseña:',
    employeeId: 'Número de empleado',
    code: 'Código de activación',
    signInCode: 'Código de empresa',
    expires: (date: string) => `El código sirve una vez, hasta el ${date}. Después, entra con tu número de empleado, el código de empresa y tu contraseña.`,
    ignore: 'Si no esperabas este correo, puedes ignorarlo.',
    button: 'Activar mi cuenta',
  },
} as const;

export function emailLocale(locale: string): EmailLocale {
  return locale === 'es' ? 'es' : 'en';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The expiry as a day people read, in UTC (the person's time zone is not known here). */
function day(iso: string, locale: EmailLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function activationLink(appUrl: string, code: string): string {
  return `${appUrl.replace(/\/+$/, '')}/activate?code=${encodeURIComponent(code)}`;
}

export function activationEmail(input: ActivationEmailInput): ActivationEmail {
  const locale = emailLocale(input.locale);
  const w = WORDS[locale];
  const link = activationLink(input.appUrl, input.code);
  const expires = w.expires(day(input.expiresAt, locale));
  const text = [
    w.hello(input.displayName),
    '',
    w.intro,
    link,
    '',
    `${w.employeeId}: ${input.employeeId}`,
    `${w.code}: ${input.code}`,
    `${w.signInCode}: ${input.signInCode}`,
    '',
    expires,
    '',
    w.ignore,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5">
<p>${e(w.hello(input.displayName))}</p>
<p>${e(w.intro)}</p>
<p><a href="${e(link)}">${e(w.button)}</a><br>${e(link)}</p>
<table>
<tr><th align="left">${e(w.employeeId)}</th><td>${e(input.employeeId)}</td></tr>
<tr><th align="left">${e(w.code)}</th><td style="font-size: 1.4em; letter-spacing: 0.1em"><strong>${e(input.code)}</strong></td></tr>
<tr><th align="left">${e(w.signInCode)}</th><td>${e(input.signInCode)}</td></tr>
</table>
<p>${e(expires)}</p>
<p style="color: #666">${e(w.ignore)}</p>
</body></html>
`;
  return { subject: w.subject, text, html, link };
}
