import { describe, expect, it } from 'vitest';
import { moreFor, tabsFor } from './navigation';
import { EVERYONE, SCREEN_IDS, SCREENS } from './screens';
import { currentPlace, sideNavFor } from './side-navigation';

const groups = (role: Parameters<typeof sideNavFor>[0]) => Object.fromEntries(sideNavFor(role).map((s) => [s.group, s.screens]));

describe('the side navigation', () => {
  it('groups a manager’s and HR’s screens: their day, the team’s tools, their account', () => {
    expect(groups('manager')).toEqual({
      daily: ['today', 'values', 'learn'],
      manage: ['briefings', 'voice', 'reports', 'rosterImport', 'people'],
      account: ['account'],
    });
    for (const role of ['hr', 'admin'] as const)
      expect(groups(role)).toEqual({
        daily: ['today', 'values', 'learn'],
        manage: ['briefings', 'voice', 'reports', 'rosterImport', 'people', 'stores', 'departments', 'adminLog'],
        account: ['account'],
      });
  });

  it('gives staff no "Manage": Voice is their own say, under their day', () => {
    expect(groups('staff')).toEqual({ daily: ['today', 'values', 'learn', 'voice'], account: ['account'] });
  });

  it('lists exactly what the bar and More reach, More itself aside, each once', () => {
    for (const role of EVERYONE) {
      const listed = sideNavFor(role).flatMap((s) => s.screens);
      expect(new Set(listed).size).toBe(listed.length);
      expect(new Set(listed)).toEqual(new Set([...tabsFor(role), ...moreFor(role)].filter((id) => id !== 'more')));
    }
  });

  it('offers only screens the role may open, and every labelled one it may', () => {
    for (const role of EVERYONE) {
      const listed = new Set(sideNavFor(role).flatMap((s) => s.screens));
      for (const id of SCREEN_IDS) {
        const entry: { label?: string; roles: readonly string[] } = SCREENS[id];
        expect(listed.has(id), `${role} ${id}`).toBe(id !== 'more' && entry.label !== undefined && entry.roles.includes(role));
      }
    }
  });

  it('before the first sync says who this is, offers the bar’s places only', () => {
    expect(groups(undefined)).toEqual({ daily: ['today'], account: ['account'] });
  });

  it('marks the screen, or the one it sits within, as current', () => {
    const hr = sideNavFor('hr');
    expect(currentPlace('values', hr)).toBe('values');
    expect(currentPlace('lesson', hr)).toBe('learn');
    expect(currentPlace('briefingStatus', hr)).toBe('briefings');
    expect(currentPlace('briefing', hr)).toBe('today');
    expect(currentPlace('voicePart', hr)).toBe('voice');
    expect(currentPlace('more', hr)).toBeUndefined();
    expect(currentPlace(undefined, hr)).toBeUndefined();
    expect(currentPlace('reports', sideNavFor('staff'))).toBeUndefined();
  });
});
