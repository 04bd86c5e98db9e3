import { describe, expect, it, vi } from 'vitest';
import { clickPlan, handleNotificationClick, handlePush, notificationFor, type WorkerScope } from './push';

const ORIGIN = 'https://app.example';
const payload = { v: 1, kind: 'briefing', title: 'Fire doors', store: 'Downtown', url: '/briefings/b1', tag: 'briefing:b1' } as const;

interface FakeWindow {
  url: string;
  focused: boolean;
  visibilityState: DocumentVisibilityState;
  postMessage: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
}

function windowAt(url: string, state: Partial<Pick<FakeWindow, 'focused' | 'visibilityState'>> = {}): FakeWindow {
  return { url, focused: false, visibilityState: 'hidden', ...state, postMessage: vi.fn(), focus: vi.fn(async () => undefined) };
}

function fakeScope(windows: FakeWindow[] = [], languages = ['en-GB']) {
  const shown: Array<{ title: string; options: NotificationOptions }> = [];
  const scope = {
    location: { origin: ORIGIN },
    navigator: { languages, setAppBadge: vi.fn(async () => undefined) },
    registration: {
      showNotification: vi.fn(async (title: string, options: NotificationOptions = {}) => {
        shown.push({ title, options });
      }),
      getNotifications: vi.fn(async () => shown as unknown as Notification[]),
    },
    clients: { matchAll: vi.fn(async () => windows), openWindow: vi.fn(async () => null) },
  };
  return { scope, asScope: scope as unknown as WorkerScope, shown };
}

const json = (value: unknown) => ({ json: () => value });

describe('notification content', () => {
  it('shows the title, the store and a line for the kind, with its tag and address', () => {
    expect(notificationFor(payload, ORIGIN, 'en')).toEqual({
      title: 'Fire doors',
      options: {
        body: 'Downtown · New briefing: please read it',
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        tag: 'briefing:b1',
        data: { url: '/briefings/b1' },
      },
    });
  });

  it.each([
    ['reminder', undefined, 'en', 'Reminder: please acknowledge it'],
    ['reply', undefined, 'en', 'Your feedback has a reply'],
    ['digest', 3, 'en', '3 new briefings'],
    ['digest', 1, 'en', 'New briefing: please read it'],
    ['briefing', undefined, 'es', 'Nuevo comunicado: léelo'],
    ['reminder', undefined, 'es', 'Recordatorio: confirma que lo has leído'],
    ['reply', undefined, 'es', 'Tu opinión tiene respuesta'],
    ['digest', 4, 'es', '4 comunicados nuevos'],
  ] as const)('%s (count %s) in %s says "%s"', (kind, count, locale, line) => {
    const { options } = notificationFor({ ...payload, kind, count, store: undefined }, ORIGIN, locale);
    expect(options.body).toBe(line);
  });

  it('a test says what it is, in the payload’s or the browser’s language, and opens Account', () => {
    const test = { v: 1, kind: 'test', title: 'Demo Retail', store: 'Downtown', url: '/account', tag: 'test' } as const;
    expect(notificationFor(test, ORIGIN, 'en')).toEqual({
      title: 'Test notification',
      options: expect.objectContaining({ body: 'Downtown · Notifications work on this phone.', tag: 'test', data: { url: '/account' } }),
    });
    expect(notificationFor({ ...test, lang: 'es' }, ORIGIN, 'en')).toMatchObject({
      title: 'Aviso de prueba',
      options: { body: 'Downtown · Los avisos funcionan en este teléfono.' },
    });
    expect(notificationFor({ ...test, store: undefined }, ORIGIN, 'es').options.body).toBe('Los avisos funcionan en este teléfono.');
  });

  it("speaks the payload's language over the browser's", () => {
    expect(notificationFor({ ...payload, lang: 'es' }, ORIGIN, 'en').options.body).toBe('Downtown · Nuevo comunicado: léelo');
  });

  it('opens /today for an address outside the app', () => {
    expect(notificationFor({ ...payload, url: 'https://evil.example/x' }, ORIGIN, 'en').options.data.url).toBe('/today');
  });
});

describe('push', () => {
  it("shows the notification in the browser's language, sets the badge and asks every window to sync", async () => {
    const windows = [windowAt(`${ORIGIN}/today`), windowAt(`${ORIGIN}/values`)];
    const { scope, asScope, shown } = fakeScope(windows, ['es-ES', 'en']);
    await handlePush(asScope, json(payload));
    expect(shown).toEqual([{ title: 'Fire doors', options: expect.objectContaining({ body: 'Downtown · Nuevo comunicado: léelo', tag: 'briefing:b1' }) }]);
    expect(scope.navigator.setAppBadge).toHaveBeenCalledWith(1);
    for (const w of windows) expect(w.postMessage).toHaveBeenCalledWith({ type: 'SYNC_NOW' });
  });

  it('shows a test push the server queued (send_test_push through push_claim)', async () => {
    const { asScope, shown } = fakeScope();
    await handlePush(asScope, json({ v: 1, kind: 'test', title: 'Demo Retail', store: 'Downtown', url: '/account', tag: 'test', lang: 'en' }));
    expect(shown).toEqual([{ title: 'Test notification', options: expect.objectContaining({ body: 'Downtown · Notifications work on this phone.' }) }]);
  });

  it("takes the badge from the sender's count when it gives one", async () => {
    const { scope, asScope } = fakeScope();
    await handlePush(asScope, json({ ...payload, kind: 'digest', count: 5 }));
    expect(scope.navigator.setAppBadge).toHaveBeenCalledWith(5);
  });

  it('still shows the notification where the browser has no badge', async () => {
    const { asScope, shown } = fakeScope();
    await handlePush({ ...asScope, navigator: { languages: ['en'] } }, json(payload));
    expect(shown).toHaveLength(1);
  });

  it.each([
    ['not JSON', { json: () => JSON.parse('{') }],
    ['JSON but not a payload', json({ title: '{"v":1}' })],
    ['empty', null],
  ])('drops a push that is %s: nothing shown, no badge, no sync', async (_, data) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const windows = [windowAt(`${ORIGIN}/today`)];
    const { scope, asScope, shown } = fakeScope(windows);
    await handlePush(asScope, data);
    expect(shown).toEqual([]);
    expect(scope.navigator.setAppBadge).not.toHaveBeenCalled();
    expect(windows[0]!.postMessage).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('click decision', () => {
  it('reuses the focused window, else a visible one, else any; never another site', () => {
    const hidden = windowAt(`${ORIGIN}/values`);
    const visible = windowAt(`${ORIGIN}/learn`, { visibilityState: 'visible' });
    const focused = windowAt(`${ORIGIN}/today`, { focused: true, visibilityState: 'visible' });
    expect(clickPlan([hidden, visible, focused], ORIGIN)).toEqual({ kind: 'focus', client: focused });
    expect(clickPlan([hidden, visible], ORIGIN)).toEqual({ kind: 'focus', client: visible });
    expect(clickPlan([hidden], ORIGIN)).toEqual({ kind: 'focus', client: hidden });
    expect(clickPlan([windowAt('https://other.example/', { focused: true })], ORIGIN)).toEqual({ kind: 'open' });
    expect(clickPlan([], ORIGIN)).toEqual({ kind: 'open' });
  });

  it('closes the notification, sends an open window to the address and focuses it', async () => {
    const open = windowAt(`${ORIGIN}/today`, { visibilityState: 'visible' });
    const { scope, asScope } = fakeScope([open]);
    const notification = { close: vi.fn(), data: { url: '/briefings/b1' } };
    await handleNotificationClick(asScope, notification);
    expect(notification.close).toHaveBeenCalledOnce();
    expect(open.postMessage).toHaveBeenCalledWith({ type: 'OPEN_PATH', path: '/briefings/b1' });
    expect(open.focus).toHaveBeenCalledOnce();
    expect(scope.clients.openWindow).not.toHaveBeenCalled();
  });

  it('opens a new window at the address when none is open, and at /today for a foreign address', async () => {
    const { scope, asScope } = fakeScope();
    await handleNotificationClick(asScope, { close: vi.fn(), data: { url: '/briefings/b1' } });
    await handleNotificationClick(asScope, { close: vi.fn(), data: { url: 'https://evil.example/' } });
    await handleNotificationClick(asScope, { close: vi.fn(), data: null });
    expect(scope.clients.openWindow.mock.calls).toEqual([['/briefings/b1'], ['/today'], ['/today']]);
  });
});
