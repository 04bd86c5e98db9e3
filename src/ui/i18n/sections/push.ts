/**
 * Notifications and installing the app (src/ui/push): Today's opt-in card, Account's
 * Notifications section and the iPhone "Add to Home Screen" sheet, in English and
 * Spanish. Registered by those components' lazily loaded chunk, never in the first download.
 */
import type { SectionCatalog } from '../types';

export const pushEn = {
  'push.card.title': 'Get notified on this phone',
  'push.card.body':
    'We tell you about new briefings to acknowledge, remind you before they are due, and tell you when someone replies to your feedback. Never during your store’s quiet hours, unless it is critical.',
  'push.turnOn': 'Turn on',
  'push.notNow': 'Not now',
  'push.turnOff': 'Turn off',
  'push.install': 'Install the app',
  'push.addToHomeScreen': 'Add to Home Screen',
  'push.title': 'Notifications',
  'push.thisPhone': 'On this phone',
  'push.state.on': 'On',
  'push.state.off': 'Off',
  'push.state.blocked': 'Blocked in the browser',
  'push.state.unsupported': 'Not supported by this browser',
  'push.state.needs_install': 'iPhone and iPad: add the app to your Home Screen first',
  'push.state.not_configured': 'Not set up on this server',
  'push.checking': 'Checking…',
  'push.result.denied': 'Notifications are blocked for this app. Account says how to allow them.',
  'push.result.unsupported': 'This browser cannot show notifications from the app.',
  'push.result.not_configured': 'Notifications are not set up on this server.',
  'push.result.offline': 'Turning notifications on needs a connection. Try again when you are online.',
  'push.result.failed': 'Notifications could not be turned on. Try again later.',
  'push.offHereOnly': 'Turned off on this phone. You are offline, so the server forgets this phone at its next send.',
  'push.signOutOffline': 'You are offline: signing out turns notifications off on this phone now, and the server forgets it at its next send.',
  'push.test.send': 'Send a test notification',
  'push.test.sending': 'Sending the test…',
  'push.test.queued': 'Test sent — it should arrive within a minute.',
  'push.test.tooSoon': 'A test was sent a moment ago. Try again in {seconds} s.',
  'push.test.offline': 'You’re offline — a test needs the connection.',
  'push.notReaching': 'Notifications are not reaching this phone: the server does not know it. Tap Turn on to set it up again.',
  'push.blocked.how': 'To allow them again:',
  'push.blocked.chrome':
    'Chrome on Android: tap the icon left of the address, then Permissions, Notifications, Allow. Installed app: touch and hold its icon, App info, Notifications.',
  'push.blocked.safari': 'iPhone or iPad (app on the Home Screen): Settings, Notifications, Frontline, Allow Notifications.',
  'push.blocked.after': 'Then come back here and tap Turn on.',
  'push.offDays': 'Days off: only critical notifications',
  'push.offDays.save': 'Save days off',
  'push.offDays.saved': 'Days off saved.',
  'push.quietHours': 'Your store’s quiet hours: {start} to {end} ({zone}). Critical briefings still come through.',
  'push.quietHours.none': 'Your store has no quiet hours.',
  'push.sheet.title': 'Add Frontline to your Home Screen',
  'push.sheet.why': 'iPhone and iPad show notifications only from apps on the Home Screen.',
  'push.sheet.step1': 'In Safari, tap Share (the square with an arrow).',
  'push.sheet.step2': 'Scroll down and tap “Add to Home Screen”, then Add.',
  'push.sheet.step3': 'Open Frontline from your Home Screen and turn notifications on.',
  'push.sheet.close': 'Close',
} as const;

export const pushEs = {
  'push.card.title': 'Recibe avisos en este teléfono',
  'push.card.body':
    'Te avisamos de comunicados nuevos que debes confirmar, te lo recordamos antes del plazo y te decimos cuándo alguien responde a tu opinión. Nunca en las horas de descanso de tu tienda, salvo que sea crítico.',
  'push.turnOn': 'Activar',
  'push.notNow': 'Ahora no',
  'push.turnOff': 'Desactivar',
  'push.install': 'Instalar la app',
  'push.addToHomeScreen': 'Añadir a pantalla de inicio',
  'push.title': 'Avisos',
  'push.thisPhone': 'En este teléfono',
  'push.state.on': 'Activados',
  'push.state.off': 'Desactivados',
  'push.state.blocked': 'Bloqueados en el navegador',
  'push.state.unsupported': 'Este navegador no los admite',
  'push.state.needs_install': 'iPhone y iPad: primero añade la app a tu pantalla de inicio',
  'push.state.not_configured': 'No están configurados en este servidor',
  'push.checking': 'Comprobando…',
  'push.result.denied': 'Los avisos están bloqueados para esta app. En Cuenta verás cómo permitirlos.',
  'push.result.unsupported': 'Este navegador no puede mostrar avisos de la app.',
  'push.result.not_configured': 'Los avisos no están configurados en este servidor.',
  'push.result.offline': 'Para activar los avisos hace falta conexión. Inténtalo cuando tengas conexión.',
  'push.result.failed': 'No se pudieron activar los avisos. Inténtalo más tarde.',
  'push.offHereOnly': 'Desactivados en este teléfono. No hay conexión, así que el servidor olvidará este teléfono en su próximo envío.',
  'push.signOutOffline': 'No hay conexión: al cerrar sesión, los avisos se desactivan ya en este teléfono y el servidor lo olvidará en su próximo envío.',
  'push.test.send': 'Enviar un aviso de prueba',
  'push.test.sending': 'Enviando la prueba…',
  'push.test.queued': 'Prueba enviada: debería llegar en menos de un minuto.',
  'push.test.tooSoon': 'Se acaba de enviar una prueba. Vuelve a intentarlo en {seconds} s.',
  'push.test.offline': 'No hay conexión: la prueba necesita conexión.',
  'push.notReaching': 'Los avisos no llegan a este teléfono: el servidor no lo conoce. Toca Activar para configurarlo de nuevo.',
  'push.blocked.how': 'Para permitirlos de nuevo:',
  'push.blocked.chrome':
    'Chrome en Android: toca el icono a la izquierda de la dirección, luego Permisos, Notificaciones, Permitir. App instalada: mantén pulsado su icono, Información de la app, Notificaciones.',
  'push.blocked.safari': 'iPhone o iPad (app en la pantalla de inicio): Ajustes, Notificaciones, Frontline, Permitir notificaciones.',
  'push.blocked.after': 'Después vuelve aquí y toca Activar.',
  'push.offDays': 'Días libres: solo avisos críticos',
  'push.offDays.save': 'Guardar días libres',
  'push.offDays.saved': 'Días libres guardados.',
  'push.quietHours': 'Horas de descanso de tu tienda: de {start} a {end} ({zone}). Los comunicados críticos llegan igualmente.',
  'push.quietHours.none': 'Tu tienda no tiene horas de descanso.',
  'push.sheet.title': 'Añade Frontline a tu pantalla de inicio',
  'push.sheet.why': 'iPhone y iPad solo muestran avisos de apps que están en la pantalla de inicio.',
  'push.sheet.step1': 'En Safari, toca Compartir (el cuadrado con una flecha).',
  'push.sheet.step2': 'Desplázate y toca «Añadir a pantalla de inicio», luego Añadir.',
  'push.sheet.step3': 'Abre Frontline desde tu pantalla de inicio y activa los avisos.',
  'push.sheet.close': 'Cerrar',
} as const satisfies SectionCatalog<typeof pushEn>;

export default { en: pushEn, es: pushEs };

// Its keys join t()'s type wherever this file is compiled, with no import that runs anything.
declare module '../types' {
  interface SectionMessages {
    push: typeof pushEn;
  }
}
