import { describe, expect, it } from 'vitest';
import { access, currentTab, labelOf, moreFor, route, tabsFor } from './navigation';
import { SCREEN_IDS, SCREENS, type ScreenEntry } from './screens';

const ROLES = ['staff', 'manager', 'hr', 'admin'] as const;

describe('navigation', () => {
  it('never puts more than five places on the bar', () => {
    for (const role of [undefined, ...ROLES]) expect(tabsFor(role).length).toBeLessThanOrEqual(5);
  });

  it('keeps each bar as it was: staff their sections and Account, managers and HR their tools and More', () => {
    expect(tabsFor('staff')).toEqual(['today', 'values', 'learn', 'voice', 'account']);
    for (const role of ['manager', 'hr', 'admin'] as const) expect(tabsFor(role)).toEqual(['today', 'briefings', 'voice', 'reports', 'more']);
    expect(moreFor('manager')).toEqual(['values', 'learn', 'rosterImport', 'people', 'account']);
    expect(moreFor('hr')).toEqual(['values', 'learn', 'rosterImport', 'people', 'stores', 'departments', 'adminLog', 'account']);
    expect(moreFor('staff')).toEqual([]);
  });

  it('every role reaches Today, Values, Learn, Voice and Account, on the bar or through More', () => {
    for (const role of ROLES) {
      const reachable = new Set([...tabsFor(role), ...moreFor(role)]);
      for (const screen of ['today', 'values', 'learn', 'voice', 'account'] as const) expect(reachable.has(screen), `${role} ${screen}`).toBe(true);
    }
  });

  it('only managers and HR get briefings and reports', () => {
    expect(tabsFor('staff')).not.toContain('briefings');
    expect(tabsFor('staff')).not.toContain('reports');
    expect(access('briefings', 'staff')).toBe('forbidden');
    expect(access('briefingStatus', 'staff')).toBe('forbidden');
    expect(access('reports', 'manager')).toBe('open');
    expect(currentTab('briefings', 'staff')).toBe('today');
  });

  it('a screen reached through More shows More as the current tab, a sub-screen its own tab', () => {
    expect(currentTab('values', 'hr')).toBe('more');
    expect(currentTab('values', 'staff')).toBe('values');
    expect(currentTab('lesson', 'staff')).toBe('learn');
    expect(currentTab('lesson', 'manager')).toBe('more');
    expect(currentTab('briefingStatus', 'manager')).toBe('briefings');
    expect(currentTab('briefing', 'staff')).toBe('today');
  });

  it('before the first sync says who this is, offers only Today and Account, which every role has', () => {
    expect(tabsFor(undefined)).toEqual(['today', 'account']);
    expect(moreFor(undefined)).toEqual([]);
    expect(access('briefing', undefined)).toBe('open');
    expect(access('reports', undefined)).toBe('unknown');
    for (const role of ROLES) {
      const reachable = new Set([...tabsFor(role), ...moreFor(role)]);
      for (const screen of tabsFor(undefined)) expect(reachable.has(screen), `${role} ${screen}`).toBe(true);
    }
  });

  it('finds the screen of every address, fixed words before patterns', () => {
    expect(route('/today')).toEqual({ id: 'today', params: {} });
    expect(route('/briefings/new')?.id).toBe('briefingNew');
    expect(route('/briefings/b1')).toEqual({ id: 'briefing', params: { id: 'b1' } });
    expect(route('/briefings/b1/status')).toEqual({ id: 'briefingStatus', params: { id: 'b1' } });
    expect(route('/learn/review')?.id).toBe('review');
    expect(route('/learn/l1')).toEqual({ id: 'lesson', params: { lessonId: 'l1' } });
    expect(route('/voice/inbox')).toEqual({ id: 'voicePart', params: { part: 'inbox' } });
    expect(route('/nowhere')).toBeNull();
  });
});

describe('the table of screens', () => {
  const entries: Array<[string, ScreenEntry]> = Object.entries(SCREENS);

  it('gives every place on a bar or in More a label', () => {
    for (const role of [undefined, ...ROLES]) for (const id of [...tabsFor(role), ...moreFor(role)]) expect(() => labelOf(id)).not.toThrow();
  });

  it('has one entry per address, and each sits within a screen of the table', () => {
    const paths = entries.map(([, entry]) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [id, entry] of entries) {
      if (entry.within) expect(SCREEN_IDS, id).toContain(entry.within);
      expect(route(entry.path.replace(/:\w+/g, 'x'))?.id, `${id} is shadowed by an earlier entry`).toBe(id);
    }
  });
});
