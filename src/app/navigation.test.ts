import { describe, expect, it } from 'vitest';
import { currentTab, moreFor, tabsFor } from './navigation';

describe('navigation', () => {
  it('never puts more than five places on the bar', () => {
    for (const role of [undefined, 'staff', 'manager', 'hr', 'admin'] as const) expect(tabsFor(role).length).toBeLessThanOrEqual(5);
  });

  it('every role reaches Today, Values, Learn, Voice and Account, on the bar or through More', () => {
    for (const role of ['staff', 'manager', 'hr', 'admin'] as const) {
      const reachable = new Set([...tabsFor(role), ...moreFor(role)]);
      for (const screen of ['today', 'values', 'learn', 'voice', 'account'] as const) expect(reachable.has(screen), `${role} ${screen}`).toBe(true);
    }
  });

  it('only managers and HR get briefings and reports', () => {
    expect(tabsFor('staff')).not.toContain('briefings');
    expect(tabsFor('staff')).not.toContain('insights');
    expect(tabsFor('manager')).toEqual(expect.arrayContaining(['briefings', 'insights']));
    expect(currentTab('briefings', 'staff')).toBe('today');
  });

  it('a screen reached through More shows More as the current tab', () => {
    expect(currentTab('values', 'hr')).toBe('more');
    expect(currentTab('values', 'staff')).toBe('values');
  });

  it('before the first sync says who this is, offers only Today and Account, which every role has', () => {
    expect(tabsFor(undefined)).toEqual(['today', 'account']);
    expect(moreFor(undefined)).toEqual([]);
    for (const role of ['staff', 'manager', 'hr', 'admin'] as const) {
      const reachable = new Set([...tabsFor(role), ...moreFor(role)]);
      for (const screen of tabsFor(undefined)) expect(reachable.has(screen), `${role} ${screen}`).toBe(true);
    }
  });
});
