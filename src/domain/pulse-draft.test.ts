import { describe, expect, it } from 'vitest';
import { defaultClosesAt, emptyPulseDraft, localTimeToIso, pulseDraftProblems } from './pulse-draft';

const NOW = new Date(2026, 10, 22, 12, 30);

describe('pulseDraftProblems', () => {
  it('a new draft only lacks its question; it closes a week later by default', () => {
    const draft = emptyPulseDraft(NOW);
    expect(draft.closesAt).toBe('2026-11-29T12:00');
    expect(pulseDraftProblems(draft, NOW)).toEqual(['question']);
    expect(pulseDraftProblems({ ...draft, question: 'How was the week?' }, NOW)).toEqual([]);
  });

  it('refuses questions over 500 characters and closing times in the past or before opening', () => {
    const draft = { ...emptyPulseDraft(NOW), question: 'Q?' };
    expect(pulseDraftProblems({ ...draft, question: 'x'.repeat(501) }, NOW)).toEqual(['question']);
    expect(pulseDraftProblems({ ...draft, closesAt: '2026-11-22T12:00' }, NOW)).toEqual(['closes']);
    expect(pulseDraftProblems({ ...draft, opensAt: '2026-12-01T09:00', closesAt: '2026-11-30T09:00' }, NOW)).toEqual(['closes']);
    expect(pulseDraftProblems({ ...draft, closesAt: '' }, NOW)).toEqual(['closes']);
  });
});

describe('localTimeToIso', () => {
  it('reads datetime-local text in the device zone; empty or junk is null', () => {
    expect(localTimeToIso('2026-11-29T09:00')).toBe(new Date(2026, 10, 29, 9, 0).toISOString());
    expect(localTimeToIso('')).toBeNull();
    expect(localTimeToIso('soon')).toBeNull();
  });

  it('the default closing time reads back as a time a week ahead', () => {
    expect(Date.parse(localTimeToIso(defaultClosesAt(NOW))!) - NOW.getTime()).toBeGreaterThan(6 * 24 * 3_600_000);
  });
});
