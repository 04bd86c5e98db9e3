import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BriefingDraft,
  type DraftRules,
  draftFrom,
  draftProblems,
  editBaseVersion,
  emptyDraft,
  fromLocalInput,
  payloadFields,
  saveAction,
  toLocalInput,
} from './briefing-draft';
import { LIMITS } from './limits';

const DOWNTOWN = 'store-downtown';
const RIVERSIDE = 'store-riverside';
const NOW = new Date(2026, 10, 22, 10, 0);

const managerRules: DraftRules = {
  now: NOW,
  role: 'manager',
  managedStoreIds: [DOWNTOWN],
};

function draft(changes: Partial<BriefingDraft> = {}): BriefingDraft {
  return { ...emptyDraft('manager', [DOWNTOWN]), title: 'Truck at 9', body: 'Clear bay 2', ...changes };
}

const codes = (d: BriefingDraft, rules: DraftRules = managerRules) => draftProblems(d, rules).map((p) => p.code);

describe('emptyDraft', () => {
  it('starts HR on a policy for everyone and a one-store manager on a shift briefing for their store', () => {
    expect(emptyDraft('hr', [DOWNTOWN, RIVERSIDE])).toMatchObject({ kind: 'policy', storeIds: [] });
    expect(emptyDraft('manager', [DOWNTOWN])).toMatchObject({ kind: 'shift', storeIds: [DOWNTOWN] });
    expect(emptyDraft('manager', [DOWNTOWN, RIVERSIDE]).storeIds).toEqual([]);
  });
});

describe('draftProblems', () => {
  it('accepts a complete draft', () => {
    expect(codes(draft())).toEqual([]);
  });

  it('needs a title and a text, within the limits', () => {
    expect(codes(draft({ title: '   ', body: '' }))).toEqual(['title_required', 'body_required']);
    const tooLong = draftProblems(draft({ title: 'x'.repeat(LIMITS.briefingTitle + 1), body: 'y'.repeat(LIMITS.briefingBody + 1) }), managerRules);
    expect(tooLong).toEqual([
      { field: 'title', code: 'title_too_long' },
      { field: 'body', code: 'body_too_long' },
    ]);
    expect(codes(draft({ title: ` ${'x'.repeat(LIMITS.briefingTitle)} `, body: 'y'.repeat(LIMITS.briefingBody) }))).toEqual([]);
  });

  it('keeps a manager to the stores they manage, and needs at least one', () => {
    expect(codes(draft({ storeIds: [] }))).toEqual(['store_required']);
    expect(codes(draft({ storeIds: [DOWNTOWN, RIVERSIDE] }))).toEqual(['store_not_managed']);
    expect(codes(draft({ storeIds: [] }), { ...managerRules, role: 'hr' })).toEqual([]);
    expect(codes(draft({ storeIds: [RIVERSIDE] }), { ...managerRules, role: 'hr' })).toEqual([]);
  });

  it('needs the shift to end after it starts, on a date', () => {
    expect(codes(draft({ shiftDate: '2026-11-23', shiftStart: '09:00', shiftEnd: '17:00' }))).toEqual([]);
    expect(codes(draft({ shiftDate: '2026-11-23', shiftStart: '17:00', shiftEnd: '09:00' }))).toEqual(['shift_end_before_start']);
    expect(codes(draft({ shiftDate: '2026-11-23', shiftStart: '09:00', shiftEnd: '09:00' }))).toEqual(['shift_end_before_start']);
    expect(codes(draft({ shiftStart: '09:00' }))).toEqual(['shift_time_needs_date']);
  });

  it("needs a due time in the future, read in the phone's time zone", () => {
    expect(codes(draft({ requiresAck: true, ackDue: '2026-11-22T10:01' }))).toEqual([]);
    expect(codes(draft({ requiresAck: true, ackDue: '2026-11-22T10:00' }))).toEqual(['due_in_past']);
    expect(codes(draft({ requiresAck: true, ackDue: '2026-02-31T10:00' }))).toEqual(['due_invalid']);
    expect(codes(draft({ requiresAck: true, ackDue: '' }))).toEqual([]);
    // A due time left over from an unticked box is not sent, so it is not checked.
    expect(codes(draft({ requiresAck: false, ackDue: '2020-01-01T00:00' }))).toEqual([]);
  });
});

describe('payloadFields', () => {
  it('sends trimmed text, every audience list, and the due time as an instant', () => {
    const fields = payloadFields(
      'b1',
      draft({
        title: '  Truck at 9 ',
        requiresAck: true,
        ackDue: '2026-11-23T08:30',
        shiftDate: '2026-11-23',
        shiftStart: '09:00',
      }),
    );
    expect(fields).toMatchObject({
      briefing_id: 'b1',
      title: 'Truck at 9',
      store_ids: [DOWNTOWN],
      department_ids: [],
      roles: [],
      shift_date: '2026-11-23',
      shift_start: '09:00',
      shift_end: null,
      requires_ack: true,
      ack_due_at: new Date(2026, 10, 23, 8, 30).toISOString(),
    });
  });

  it('drops the due time when acknowledgement is not required (the server refuses one without it)', () => {
    expect(payloadFields('b1', draft({ requiresAck: false, ackDue: '2026-11-23T08:30' })).ack_due_at).toBeNull();
  });

  it('round-trips through the form when editing', () => {
    const fields = payloadFields(
      'b1',
      draft({
        kind: 'news',
        priority: 'critical',
        departmentIds: ['d1'],
        roles: ['staff'],
        requiresAck: true,
        ackDue: '2026-11-23T08:30',
        shiftDate: '2026-11-23',
        shiftStart: '09:00',
        shiftEnd: '17:30',
      }),
    );
    const back = draftFrom({ ...fields, shift_start: '09:00:00', shift_end: '17:30:00' }, NOW);
    expect(payloadFields('b1', back)).toEqual(fields);
  });
});

describe('publish time', () => {
  const DAY = 24 * 3_600_000;

  it('is refused when it is not a date-time or not in the future', () => {
    expect(codes(draft({ publishAt: '2026-11-31T09:00' }))).toEqual(['publish_invalid']);
    expect(codes(draft({ publishAt: '2026-11-22T10:00' }))).toEqual(['publish_in_past']);
    expect(codes(draft({ publishAt: '2026-11-22T09:59' }))).toEqual(['publish_in_past']);
    expect(codes(draft({ publishAt: '2026-11-22T10:01' }))).toEqual([]);
  });

  it('is judged by the server clock: a phone a day behind cannot schedule for a time already past', () => {
    // The phone reads yesterday 10:00; the server (phone + offset) reads today 10:00.
    const phoneNow = new Date(NOW.getTime() - DAY);
    const serverNow = new Date(phoneNow.getTime() + DAY);
    const eveningYesterday = '2026-11-21T18:00';
    expect(fromLocalInput(eveningYesterday)!.getTime()).toBeGreaterThan(phoneNow.getTime());
    expect(codes(draft({ publishAt: eveningYesterday }), { ...managerRules, now: serverNow })).toEqual(['publish_in_past']);
  });

  it('is judged by the server clock: a phone a day ahead may still schedule for this evening', () => {
    const serverNow = NOW;
    const thisEvening = '2026-11-22T18:00';
    expect(fromLocalInput(thisEvening)!.getTime()).toBeLessThan(NOW.getTime() + DAY);
    expect(codes(draft({ publishAt: thisEvening }), { ...managerRules, now: serverNow })).toEqual([]);
  });

  it('needs an acknowledgement due time after it', () => {
    expect(codes(draft({ publishAt: '2026-11-23T09:00', requiresAck: true, ackDue: '2026-11-23T08:00' }))).toEqual(['due_before_publish']);
    expect(codes(draft({ publishAt: '2026-11-23T09:00', requiresAck: true, ackDue: '2026-11-23T12:00' }))).toEqual([]);
  });

  it('goes to the server as an instant, and is left out for "as soon as it is sent"', () => {
    expect(payloadFields('b1', draft({ publishAt: '2026-11-23T06:30' })).publish_at).toBe(new Date(2026, 10, 23, 6, 30).toISOString());
    expect(payloadFields('b1', draft())).not.toHaveProperty('publish_at');
  });

  it('comes back into an edit only while it is still ahead', () => {
    const saved = { ...payloadFields('b1', draft()), publish_at: new Date(2026, 10, 23, 6, 30).toISOString() };
    expect(draftFrom(saved, NOW).publishAt).toBe('2026-11-23T06:30');
    expect(draftFrom(saved, new Date(2026, 10, 23, 7, 0)).publishAt).toBe('');
  });
});

describe('editBaseVersion', () => {
  it('bases an edit on the confirmed version only', () => {
    expect(editBaseVersion({ version: 3 })).toBe(3);
    expect(editBaseVersion({ version: 0, local_state: 'pending' })).toBeUndefined();
    expect(editBaseVersion({ version: 3, local_state: 'pending' })).toBeUndefined();
  });
});

describe('saveAction', () => {
  it('publishes again only what the server never accepted', () => {
    expect(saveAction({ version: 0, local_state: 'rejected' })).toBe('publish');
    expect(saveAction({ version: 0, local_state: 'pending' })).toBe('edit');
    expect(saveAction({ version: 2, local_state: 'rejected' })).toBe('edit');
    expect(saveAction({ version: 2 })).toBe('edit');
  });
});

describe('datetime-local text', () => {
  it('reads back the wall-clock time it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (date) => {
        const text = toLocalInput(date);
        const read = fromLocalInput(text);
        return read !== null && toLocalInput(read) === text && Math.abs(read.getTime() - date.getTime()) < 60_000 + 3_600_000;
      }),
    );
  });

  it('accepts seconds and refuses what is not a date-time', () => {
    expect(fromLocalInput('2026-11-22T15:30:00')).toEqual(new Date(2026, 10, 22, 15, 30));
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('the version in the other language', () => {
  const rules = { now: new Date('2026-11-22T10:00:00Z'), role: 'hr' as const, managedStoreIds: [] };
  const base = { ...emptyDraft('hr', []), title: 'Freezer', body: 'Close it.' };

  it('sends no translation when both its fields are empty, and removes one an edit cleared', () => {
    expect(payloadFields('b1', base)).toMatchObject({ language: 'en', translation: null });
  });

  it('sends the other language, trimmed title, when the author added one', () => {
    const draft = { ...base, translationTitle: ' Congelador ', translationBody: 'Ciérralo.' };
    expect(draftProblems(draft, rules)).toEqual([]);
    expect(payloadFields('b1', draft).translation).toEqual({ language: 'es', title: 'Congelador', body: 'Ciérralo.' });
    expect(payloadFields('b1', { ...draft, language: 'es' }).translation).toMatchObject({ language: 'en' });
  });

  it('refuses half a translation, naming the missing field', () => {
    expect(draftProblems({ ...base, translationTitle: 'Congelador' }, rules)).toEqual([{ field: 'translationBody', code: 'translation_body_required' }]);
    expect(draftProblems({ ...base, translationBody: 'Ciérralo.' }, rules)).toEqual([{ field: 'translationTitle', code: 'translation_title_required' }]);
  });

  it('prefills an edit from the saved translation', () => {
    const saved = { ...payloadFields('b1', { ...base, translationTitle: 'Congelador', translationBody: 'Ciérralo.' }), shift_date: null };
    expect(draftFrom(saved, rules.now)).toMatchObject({ language: 'en', translationTitle: 'Congelador', translationBody: 'Ciérralo.' });
  });
});
