import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reachOf, type ReachGroup } from './reach';

const groups: ReachGroup[] = [
  { store_id: 'down', department_id: 'sales', role: 'staff', members: 9 },
  { store_id: 'down', department_id: 'checkout', role: 'staff', members: 4 },
  { store_id: 'down', department_id: null, role: 'manager', members: 1 },
  { store_id: 'river', department_id: 'stock', role: 'staff', members: 6 },
];

describe('reachOf', () => {
  it('counts everyone matching each non-empty list', () => {
    expect(reachOf({ store_ids: ['down'], department_ids: [], roles: [] }, groups).total).toBe(14);
    expect(reachOf({ store_ids: ['down'], department_ids: ['checkout'], roles: [] }, groups).total).toBe(4);
    expect(reachOf({ store_ids: [], department_ids: [], roles: ['staff'] }, groups).total).toBe(19);
    expect([...reachOf({ store_ids: [], department_ids: [], roles: [] }, groups).byStore]).toEqual([['down', 14], ['river', 6]]);
  });

  it('narrowing the audience never reaches more people', () => {
    const ids = fc.subarray(['down', 'river']);
    fc.assert(fc.property(ids, fc.subarray(['sales', 'checkout', 'stock']), (stores, depts) => {
      const wide = reachOf({ store_ids: stores, department_ids: [], roles: [] }, groups).total;
      const narrow = reachOf({ store_ids: stores, department_ids: depts.length ? depts : ['none'], roles: [] }, groups).total;
      return narrow <= wide;
    }));
  });
});
