import { describe, expect, it } from 'vitest';
import { departmentProblem, matchTimeZones, personProblems, reasonProblem, storeProblems } from './admin-forms';
import { ADMIN_LIMITS } from './limits';

const person = { displayName: 'Lee Park', employeeId: 'E-2001', email: '', phone: '' };
const store = { name: 'Harbour', code: 'HBR', timeZone: 'Europe/Madrid', region: '' };
const ZONES = ['America/New_York', 'America/Chicago', 'Europe/Madrid', 'Asia/Ho_Chi_Minh'];

describe('person form checks (as admin_save_person)', () => {
  it('accepts a complete person and optional fields left empty', () => {
    expect(personProblems(person)).toEqual({});
    expect(personProblems({ ...person, email: 'lee@shop.example', phone: '+34 600 123 456' })).toEqual({});
  });

  it('requires a name and an employee ID', () => {
    expect(personProblems({ ...person, displayName: '  ', employeeId: '' })).toEqual({ displayName: 'missing_field', employeeId: 'missing_field' });
  });

  it('holds each field to ADMIN_LIMITS, counting characters not UTF-16 units', () => {
    expect(personProblems({ ...person, displayName: 'x'.repeat(ADMIN_LIMITS.personName) })).toEqual({});
    expect(personProblems({ ...person, displayName: 'x'.repeat(ADMIN_LIMITS.personName + 1) })).toEqual({ displayName: 'too_long' });
    expect(personProblems({ ...person, displayName: '😀'.repeat(ADMIN_LIMITS.personName) })).toEqual({});
    expect(personProblems({ ...person, employeeId: 'E'.repeat(ADMIN_LIMITS.employeeId + 1) }).employeeId).toBe('too_long');
    expect(personProblems({ ...person, email: `${'a'.repeat(ADMIN_LIMITS.email)}@x.es` }).email).toBe('too_long');
    expect(personProblems({ ...person, phone: '1'.repeat(ADMIN_LIMITS.phone + 1) }).phone).toBe('too_long');
  });

  it('uses the server formats for employee IDs, emails and phones', () => {
    expect(personProblems({ ...person, employeeId: 'ES/0042_b.1' })).toEqual({});
    expect(personProblems({ ...person, employeeId: 'Ñu-7' })).toEqual({});
    for (const bad of ['-E1', 'E1-', 'E 1', 'E#1']) expect(personProblems({ ...person, employeeId: bad }).employeeId, bad).toBe('invalid_employee_id');
    for (const bad of ['lee', 'lee@shop', 'a b@shop.es', 'a@@b.es']) expect(personProblems({ ...person, email: bad }).email, bad).toBe('invalid_email');
    for (const bad of ['+', '12-34', '+34 6-1', 'tel 123']) expect(personProblems({ ...person, phone: bad }).phone, bad).toBe('invalid_phone');
  });
});

describe('store form checks (as admin_save_store)', () => {
  it('accepts a complete store', () => {
    expect(storeProblems(store, ZONES)).toEqual({});
    expect(storeProblems({ ...store, timeZone: 'UTC' }, ZONES)).toEqual({});
  });

  it('names each problem by field', () => {
    expect(storeProblems({ name: '', code: 'H B', timeZone: 'Mars/Base', region: 'r'.repeat(ADMIN_LIMITS.storeRegion + 1) }, ZONES)).toEqual({
      name: 'missing_field',
      code: 'invalid_code',
      timeZone: 'invalid_time_zone',
      region: 'too_long',
    });
    expect(storeProblems({ ...store, code: 'C'.repeat(ADMIN_LIMITS.storeCode + 1) }, ZONES).code).toBe('too_long');
    expect(storeProblems({ ...store, name: 'n'.repeat(ADMIN_LIMITS.storeName + 1) }, ZONES).name).toBe('too_long');
    // Without the browser's list the server decides the zone.
    expect(storeProblems({ ...store, timeZone: 'Mars/Base' }, null)).toEqual({});
  });

  it('checks a department name and a deactivation reason', () => {
    expect(departmentProblem(' ')).toBe('missing_field');
    expect(departmentProblem('d'.repeat(ADMIN_LIMITS.departmentName + 1))).toBe('too_long');
    expect(departmentProblem('Bakery')).toBeUndefined();
    expect(reasonProblem('')).toBeUndefined();
    expect(reasonProblem('r'.repeat(ADMIN_LIMITS.activeReason + 1))).toBe('too_long');
  });
});

describe('time zone search', () => {
  it('finds zones by every word, ignoring case, slashes and underscores', () => {
    expect(matchTimeZones(ZONES, 'new york')).toEqual(['America/New_York']);
    expect(matchTimeZones(ZONES, 'america')).toEqual(['America/New_York', 'America/Chicago']);
    expect(matchTimeZones(ZONES, 'ho chi')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(matchTimeZones(ZONES, '')).toEqual(ZONES);
    expect(matchTimeZones(ZONES, '', 2)).toHaveLength(2);
  });
});
