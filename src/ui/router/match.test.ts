import { describe, expect, it } from 'vitest';
import { matchPath } from './match';

describe('matchPath', () => {
  it('fills named params and decodes them', () => {
    expect(matchPath('/learn/:lessonId', '/learn/a%20b')).toEqual({ lessonId: 'a b' });
    expect(matchPath('/briefings/:id/status', '/briefings/42/status/')).toEqual({ id: '42' });
  });

  it('refuses other lengths, other words and broken escapes', () => {
    expect(matchPath('/learn/:lessonId', '/learn')).toBeNull();
    expect(matchPath('/learn/:lessonId', '/learn/a/b')).toBeNull();
    expect(matchPath('/learn/review', '/learn/reviews')).toBeNull();
    expect(matchPath('/learn/:lessonId', '/learn/%E0%A4%A')).toBeNull();
  });
});
