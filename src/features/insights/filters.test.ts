import { describe, expect, it } from 'vitest';
import { parseQuery, searchWith } from '../../ui/router/query';
import { pendingQuery, readPendingFilters, readReportFilters, reportQuery } from './filters';
import { pendingPath } from './paths';

const STORE = '5a000000-0000-4000-8000-000000000002';
const DEPARTMENT = '6d000000-0000-4000-8000-000000000001';

describe('Reports filters in the address', () => {
  it('reads what it wrote', () => {
    const filters = { days: 7, storeId: STORE, departmentId: DEPARTMENT } as const;
    expect(readReportFilters(parseQuery(searchWith({}, reportQuery(filters))))).toEqual(filters);
  });

  it('leaves the default period out, so plain /reports is the default view', () => {
    expect(searchWith({}, reportQuery({ days: 30, storeId: null, departmentId: null }))).toBe('');
    expect(readReportFilters({})).toEqual({ days: 30, storeId: null, departmentId: null });
  });

  it('reads anything it would not offer as the default', () => {
    expect(readReportFilters(parseQuery('?days=abc&store=Downtown&department=1'))).toEqual({ days: 30, storeId: null, departmentId: null });
    expect(readReportFilters(parseQuery('?days=14'))).toEqual({ days: 30, storeId: null, departmentId: null });
    expect(readReportFilters(parseQuery('?days=90&store=5A000000-0000-4000-8000-000000000002'))).toEqual({ days: 90, storeId: STORE, departmentId: null });
  });

  it('changes only what is given', () => {
    expect(reportQuery({ storeId: null })).toEqual({ store: null });
    expect(searchWith(parseQuery('?days=7&store=x'), reportQuery({ storeId: null }))).toBe('?days=7');
  });
});

describe('the pending list filters in the address', () => {
  it('reads what it wrote, the search trimmed', () => {
    expect(readPendingFilters(parseQuery(searchWith({}, pendingQuery({ departmentId: DEPARTMENT, search: 'Sam & co' }))))).toEqual({
      departmentId: DEPARTMENT,
      search: 'Sam & co',
    });
    expect(readPendingFilters(parseQuery('?q=%20%20'))).toEqual({ departmentId: null, search: null });
  });

  it('cuts a search to what the server takes and drops a department that is not an id', () => {
    const long = 'x'.repeat(150);
    expect(readPendingFilters({ q: long, department: 'Checkout' })).toEqual({ departmentId: null, search: 'x'.repeat(100) });
  });

  it('links carry the store in the path and a department in the query', () => {
    expect(pendingPath('b1')).toBe('/reports/briefings/b1/pending');
    expect(pendingPath('b1', STORE, DEPARTMENT)).toBe(`/reports/briefings/b1/stores/${STORE}?department=${DEPARTMENT}`);
    expect(pendingPath('b1', null, null)).toBe('/reports/briefings/b1/pending');
  });
});
