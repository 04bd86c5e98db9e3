import { describe, expect, it } from 'vitest';
import { kudosProblems, matchColleagues, newestFirst, receivedBy } from './kudos';
import { LIMITS } from './limits';

describe('kudosProblems', () => {
  it('needs a colleague and a message', () => {
    expect(kudosProblems({ toMemberId: null, message: '  ' })).toEqual(['colleague_required', 'message_required']);
    expect(kudosProblems({ toMemberId: 'm1', message: 'Thanks for covering!' })).toEqual([]);
  });

  it('counts the trimmed message against the limit', () => {
    expect(kudosProblems({ toMemberId: 'm1', message: `  ${'x'.repeat(LIMITS.kudosMessage)}  ` })).toEqual([]);
    expect(kudosProblems({ toMemberId: 'm1', message: 'x'.repeat(LIMITS.kudosMessage + 1) })).toEqual(['message_too_long']);
  });
});

describe('matchColleagues', () => {
  const roster = [{ display_name: 'Sam Patel' }, { display_name: 'José Núñez' }, { display_name: 'Samira Öz' }];

  it('finds names by any part, ignoring case and accents', () => {
    expect(matchColleagues(roster, 'jose nun').map((p) => p.display_name)).toEqual(['José Núñez']);
    expect(matchColleagues(roster, 'SAM').map((p) => p.display_name)).toEqual(['Sam Patel', 'Samira Öz']);
    expect(matchColleagues(roster, 'oz').map((p) => p.display_name)).toEqual(['Samira Öz']);
  });

  it('lists everyone for an empty query and nobody for a stranger', () => {
    expect(matchColleagues(roster, '  ')).toHaveLength(3);
    expect(matchColleagues(roster, 'riley')).toEqual([]);
  });
});

describe('wall order', () => {
  const kudos = [
    { id: 'b', to_member_id: 'me', created_at: '2026-11-20T10:00:00.000Z' },
    { id: 'c', to_member_id: 'other', created_at: '2026-11-22T10:00:00.000Z' },
    { id: 'a', to_member_id: 'me', created_at: '2026-11-20T10:00:00.000Z' },
    { id: 'd', to_member_id: 'me', created_at: '2026-11-21T09:00:00.000Z' },
  ];

  it('shows the newest first, ties in a fixed order', () => {
    expect(newestFirst(kudos).map((k) => k.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('"kudos you received" holds only those to me', () => {
    expect(receivedBy(kudos, 'me').map((k) => k.id)).toEqual(['d', 'a', 'b']);
  });
});
