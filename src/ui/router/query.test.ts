import { describe, expect, it } from 'vitest';
import { parseQuery, searchWith, withQuery } from './query';

describe('parseQuery', () => {
  it('reads values with or without the question mark, decoded', () => {
    expect(parseQuery('?days=7&q=Sam%20Patel')).toEqual({ days: '7', q: 'Sam Patel' });
    expect(parseQuery('store=a+b')).toEqual({ store: 'a b' });
    expect(parseQuery('')).toEqual({});
  });

  it('drops empty values and keeps the first of a repeated key', () => {
    expect(parseQuery('?store=&days=7&days=90')).toEqual({ days: '7' });
  });

  it('never throws on broken escapes', () => {
    expect(parseQuery('?q=%E0%A4%A&days=7')).toEqual({ q: '\uFFFD%A', days: '7' });
  });
});

describe('searchWith', () => {
  it('sets, replaces and removes keys, keeping the others', () => {
    expect(searchWith({ days: '7', store: 's1' }, { store: null, department: 'd1' })).toBe('?days=7&department=d1');
    expect(searchWith({ days: '7' }, { days: '90' })).toBe('?days=90');
    expect(searchWith({ q: 'x' }, { q: '' })).toBe('');
  });

  it('escapes what would break the address', () => {
    expect(searchWith({}, { q: 'a&b=c #1' })).toBe('?q=a%26b%3Dc+%231');
    expect(parseQuery(searchWith({}, { q: 'a&b=c #1' }))).toEqual({ q: 'a&b=c #1' });
  });
});

describe('withQuery', () => {
  it('adds only the values given', () => {
    expect(withQuery('/reports', { days: '7', store: null })).toBe('/reports?days=7');
    expect(withQuery('/reports', {})).toBe('/reports');
  });
});
