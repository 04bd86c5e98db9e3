import { describe, expect, it } from 'vitest';
import { type BriefingFields, emptyDraft } from './briefing-draft';
import { audienceChoices, draftFromTemplate, repeatDraft, TEMPLATES } from './briefing-start';

const DOWNTOWN = { id: 'store-downtown', name: 'Downtown' };
const RIVERSIDE = { id: 'store-riverside', name: 'Riverside' };

const PAST: BriefingFields = {
  kind: 'shift',
  title: 'Truck at 9',
  body: '- Clear **bay 2**',
  priority: 'important',
  store_ids: [DOWNTOWN.id, RIVERSIDE.id],
  department_ids: ['dept-bakery'],
  roles: ['staff'],
  shift_date: '2026-11-23',
  shift_start: '09:00:00',
  shift_end: '17:00:00',
  requires_ack: true,
  ack_due_at: '2026-11-23T09:30:00Z',
  publish_at: '2026-11-23T06:00:00Z',
};

describe('draftFromTemplate', () => {
  it("takes the template's words, kind, priority and acknowledgement, and keeps the audience chosen so far", () => {
    const current = { ...emptyDraft('manager', [DOWNTOWN.id]), roles: ['staff' as const] };
    const safety = TEMPLATES.find((t) => t.id === 'safety_alert')!;
    expect(draftFromTemplate(current, safety, { title: 'Safety alert', body: '**What happened:** ' })).toEqual({
      ...current,
      kind: 'news',
      priority: 'critical',
      requiresAck: true,
      title: 'Safety alert',
      body: '**What happened:** ',
    });
  });

  it('offers a shift huddle, a safety alert and a policy update, each asking for acknowledgement', () => {
    expect(TEMPLATES.map((t) => [t.id, t.requiresAck])).toEqual([
      ['shift_huddle', true],
      ['safety_alert', true],
      ['policy_update', true],
    ]);
  });
});

describe('repeatDraft', () => {
  it('copies words, kind, priority, acknowledgement and audience, but none of the old dates', () => {
    expect(repeatDraft(PAST, 'hr', [])).toEqual({
      kind: 'shift',
      title: 'Truck at 9',
      body: '- Clear **bay 2**',
      priority: 'important',
      storeIds: [DOWNTOWN.id, RIVERSIDE.id],
      departmentIds: ['dept-bakery'],
      roles: ['staff'],
      shiftDate: '',
      shiftStart: '',
      shiftEnd: '',
      requiresAck: true,
      ackDue: '',
      publishAt: '',
      language: 'en',
      translationTitle: '',
      translationBody: '',
    });
  });

  it('repeats the version in the other language too', () => {
    const past = { ...PAST, language: 'en' as const, translation: { language: 'es' as const, title: 'Camión a las 9', body: 'Despeja la bahía 2' } };
    expect(repeatDraft(past, 'hr', [])).toMatchObject({ language: 'en', translationTitle: 'Camión a las 9', translationBody: 'Despeja la bahía 2' });
  });

  it('never shares lists with the past briefing (the old one is never edited through the new draft)', () => {
    const draft = repeatDraft(PAST, 'hr', []);
    draft.storeIds.push('x');
    draft.roles.push('manager');
    expect(PAST.store_ids).toEqual([DOWNTOWN.id, RIVERSIDE.id]);
    expect(PAST.roles).toEqual(['staff']);
  });

  it('drops stores a manager no longer manages, and falls back to their only store when none is left', () => {
    expect(repeatDraft(PAST, 'manager', [DOWNTOWN.id]).storeIds).toEqual([DOWNTOWN.id]);
    expect(repeatDraft({ ...PAST, store_ids: [RIVERSIDE.id] }, 'manager', [DOWNTOWN.id]).storeIds).toEqual([DOWNTOWN.id]);
    expect(repeatDraft({ ...PAST, store_ids: [RIVERSIDE.id] }, 'manager', [DOWNTOWN.id, 'store-third']).storeIds).toEqual([]);
  });
});

describe('audienceChoices', () => {
  it('offers a manager only the stores they manage and never the whole organisation, as apply_briefing requires', () => {
    expect(audienceChoices('manager', [DOWNTOWN.id], [DOWNTOWN, RIVERSIDE], DOWNTOWN)).toEqual({
      stores: [DOWNTOWN],
      wholeOrganisation: false,
      roles: ['staff', 'manager', 'hr', 'admin'],
    });
  });

  it('before the directory arrives, offers a manager their own store from the profile', () => {
    expect(audienceChoices('manager', [DOWNTOWN.id], undefined, DOWNTOWN).stores).toEqual([DOWNTOWN]);
  });

  it('offers HR every store and the whole organisation', () => {
    expect(audienceChoices('hr', [], [DOWNTOWN, RIVERSIDE], null)).toMatchObject({ stores: [DOWNTOWN, RIVERSIDE], wholeOrganisation: true });
  });

  it('offers only roles the server knows, whatever a directory says', () => {
    expect(audienceChoices('hr', [], [], null, ['staff', 'owner' as 'staff']).roles).toEqual(['staff']);
  });
});
