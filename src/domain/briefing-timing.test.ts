import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, dueChoices, publishChoices, wallText, whenDay } from './briefing-timing';

const london = (iso: string) => ({ now: new Date(iso), timeZone: 'Europe/London' });
const newYork = (iso: string) => ({ now: new Date(iso), timeZone: 'America/New_York' });
const noShift = { shiftDate: '', shiftEnd: '', shiftStart: '', publishAt: '' };

afterEach(() => {
  vi.useRealTimers();
});

describe('dueChoices', () => {
  it('offers the shift end first, then two hours on (rounded up to 5 minutes), tonight and tomorrow morning', () => {
    expect(dueChoices(london('2026-12-10T10:07:00Z'), { ...noShift, shiftDate: '2026-12-10', shiftEnd: '15:00' })).toEqual([
      { id: 'shift_end', at: '2026-12-10T15:00' },
      { id: 'in_2_hours', at: '2026-12-10T12:10' },
      { id: 'tonight', at: '2026-12-10T21:00' },
      { id: 'tomorrow_morning', at: '2026-12-11T09:00' },
    ]);
  });

  it('drops a shift end already past, tonight once it is less than an hour away, and a time equal to another', () => {
    const late = dueChoices(london('2026-12-10T20:05:00Z'), { ...noShift, shiftDate: '2026-12-10', shiftEnd: '15:00' });
    expect(late.map((c) => c.id)).toEqual(['in_2_hours', 'tomorrow_morning']);
    const same = dueChoices(london('2026-12-10T10:00:00Z'), { ...noShift, shiftDate: '2026-12-10', shiftEnd: '21:00' });
    expect(same.map((c) => c.id)).toEqual(['shift_end', 'in_2_hours', 'tomorrow_morning']);
  });

  it('keeps only times after a scheduled publish time', () => {
    const choices = dueChoices(london('2026-12-10T10:00:00Z'), { ...noShift, publishAt: '2026-12-10T18:00' });
    expect(choices.map((c) => c.id)).toEqual(['tonight', 'tomorrow_morning']);
  });

  it('counts two hours of elapsed time across the spring and autumn clock changes', () => {
    // 01:30 EST on the night clocks go forward at 02:00: two hours later the clocks say 04:30.
    expect(dueChoices(newYork('2026-03-08T06:30:00Z'), noShift)[0]).toEqual({ id: 'in_2_hours', at: '2026-03-08T04:30' });
    // 01:30 EDT on the night clocks go back at 02:00: two hours later they say 02:30.
    expect(dueChoices(newYork('2026-11-01T05:30:00Z'), noShift)[0]).toEqual({ id: 'in_2_hours', at: '2026-11-01T02:30' });
    // Tomorrow morning is the next calendar day at 9 on the clock, whatever the day's length.
    expect(dueChoices(newYork('2026-03-08T06:30:00Z'), noShift).at(-1)).toEqual({ id: 'tomorrow_morning', at: '2026-03-09T09:00' });
  });

  it("goes by the given (server) time, not the phone's own clock", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-09T08:00:00Z'));
    const choices = dueChoices(london('2026-12-10T19:00:00Z'), noShift);
    expect(choices).toEqual([
      { id: 'in_2_hours', at: '2026-12-10T21:00' },
      { id: 'tomorrow_morning', at: '2026-12-11T09:00' },
    ]);
  });
});

describe('publishChoices', () => {
  it('offers an hour before the shift, in an hour, and tomorrow before opening', () => {
    expect(publishChoices(london('2026-12-10T10:02:00Z'), { shiftDate: '2026-12-11', shiftStart: '09:00' })).toEqual([
      { id: 'before_shift', at: '2026-12-11T08:00' },
      { id: 'in_1_hour', at: '2026-12-10T11:05' },
      { id: 'tomorrow_opening', at: '2026-12-11T07:00' },
    ]);
  });

  it('drops a shift already under way, and crosses the year', () => {
    expect(publishChoices(london('2026-12-31T22:00:00Z'), { shiftDate: '2026-12-31', shiftStart: '18:00' })).toEqual([
      { id: 'in_1_hour', at: '2026-12-31T23:00' },
      { id: 'tomorrow_opening', at: '2027-01-01T07:00' },
    ]);
  });

  it('counts the hour in elapsed time across the spring clock change', () => {
    expect(publishChoices(newYork('2026-03-08T06:30:00Z'), { shiftDate: '', shiftStart: '' })[0]).toEqual({ id: 'in_1_hour', at: '2026-03-08T03:30' });
  });
});

describe('whenDay', () => {
  const context = newYork('2026-12-11T03:30:00Z'); // 22:30 on the 10th in New York
  it('says today, tomorrow or another day from the day on the clocks of the zone', () => {
    expect(whenDay('2026-12-10T23:15', context)).toEqual({ day: 'today', date: '2026-12-10', time: '23:15' });
    expect(whenDay('2026-12-11T09:00', context)).toEqual({ day: 'tomorrow', date: '2026-12-11', time: '09:00' });
    expect(whenDay('2026-12-14T07:00', context)?.day).toBe('other');
    expect(whenDay('', context)).toBeNull();
    expect(whenDay('10/12/2026', context)).toBeNull();
  });
});

describe('wallText and addDays', () => {
  it('write the clock time of a zone and move calendar days across months and years', () => {
    expect(wallText(new Date('2026-07-01T12:00:00Z'), 'Europe/Madrid')).toBe('2026-07-01T14:00');
    expect(wallText(new Date('2026-07-01T00:30:00Z'), 'America/Los_Angeles')).toBe('2026-06-30T17:30');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
