import { describe, expect, it } from 'vitest';
import { appPath, parsePushPayload } from './push-payload';

const ORIGIN = 'https://app.example';
const valid = { v: 1, kind: 'briefing', title: 'Fire doors', store: 'Downtown', url: '/briefings/b1', tag: 'briefing:b1' };

describe('push payload', () => {
  it('accepts the contract, optional fields included', () => {
    expect(parsePushPayload(valid)).toEqual(valid);
    expect(parsePushPayload({ ...valid, kind: 'digest', count: 3, lang: 'es', store: undefined })).toMatchObject({ kind: 'digest', count: 3, lang: 'es' });
  });

  it.each([
    ['not an object', 'Fire doors'],
    ['null', null],
    ['another version', { ...valid, v: 2 }],
    ['an unknown kind', { ...valid, kind: 'marketing' }],
    ['no title', { ...valid, title: '' }],
    ['no tag', { ...valid, tag: undefined }],
    ['a url that is not text', { ...valid, url: 42 }],
    ['a count of zero', { ...valid, count: 0 }],
    ['a fractional count', { ...valid, count: 1.5 }],
    ['an unknown language', { ...valid, lang: 'fr' }],
  ])('refuses %s', (_, raw) => {
    expect(parsePushPayload(raw)).toBeNull();
  });

  it('carries no more than the contract: extra fields such as a body are dropped', () => {
    expect(parsePushPayload({ ...valid, body: 'The whole briefing text' })).not.toHaveProperty('body');
  });
});

describe('appPath', () => {
  it.each([
    ['/briefings/b1', '/briefings/b1'],
    ['/today?x=1#top', '/today?x=1#top'],
    [`${ORIGIN}/learn/l1`, '/learn/l1'],
    ['https://evil.example/briefings/b1', '/today'],
    ['//evil.example/today', '/today'],
    ['/\\evil.example/today', '/today'],
    ['javascript:alert(1)', '/today'],
    ['http://app.example/today', '/today'],
    [undefined, '/today'],
  ])('%s opens %s', (url, path) => {
    expect(appPath(url, ORIGIN)).toBe(path);
  });
});
