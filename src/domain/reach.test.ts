import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { includesMember, type ReachGroup, reachOf } from './reach';

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
    expect([...reachOf({ store_ids: [], department_ids: [], roles: [] }, groups).byStore]).toEqual([
      ['down', 14],
      ['river', 6],
    ]);
  });

  it('narrowing the audience never reaches more people', () => {
    const ids = fc.subarray(['down', 'river']);
    fc.assert(
      fc.property(ids, fc.subarray(['sales', 'checkout', 'stock']), (stores, depts) => {
        const wide = reachOf({ store_ids: stores, department_ids: [], roles: [] }, groups).total;
        const narrow = reachOf({ store_ids: stores, department_ids: depts.length ? depts : ['none'], roles: [] }, groups).total;
        return narrow <= wide;
      }),
    );
  });
});

describe('includesMember', () => {
  const alex = { store_id: 'down', department_id: 'sales', role: 'staff' };

  it('empty lists mean everyone; each non-empty list must name the member', () => {
    expect(includesMember({ store_ids: [], department_ids: [], roles: [] }, alex)).toBe(true);
    expect(includesMember({ store_ids: ['down'], department_ids: ['sales'], roles: ['staff'] }, alex)).toBe(true);
    expect(includesMember({ store_ids: ['river'], department_ids: [], roles: [] }, alex)).toBe(false);
    expect(includesMember({ store_ids: [], department_ids: ['stock'], roles: [] }, alex)).toBe(false);
    expect(includesMember({ store_ids: [], department_ids: [], roles: ['manager'] }, alex)).toBe(false);
  });

  it('a head-office member (no store) is only in audiences open to every store', () => {
    const hr = { store_id: null, department_id: null, role: 'hr' };
    expect(includesMember({ store_ids: [], department_ids: [], roles: [] }, hr)).toBe(true);
    expect(includesMember({ store_ids: ['down'], department_ids: [], roles: [] }, hr)).toBe(false);
  });

  it('agrees with reachOf: a member is counted exactly when included', () => {
    fc.assert(
      fc.property(fc.subarray(['down', 'river']), fc.subarray(['sales', 'checkout', 'stock']), fc.subarray(['staff', 'manager']), (stores, depts, roles) => {
        const audience = { store_ids: stores, department_ids: depts, roles };
        const counted = groups.filter((g) => includesMember(audience, g)).reduce((sum, g) => sum + g.members, 0);
        return counted === reachOf(audience, groups).total;
      }),
    );
  });
});
