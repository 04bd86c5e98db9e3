/**
 * Frozen copy of schema version 2 (version 1 plus the compose directory) and a
 * row as version 2 wrote it. Never edit: db.test.ts proves that today's code
 * opens a database written by it.
 */
import { V1_STORES } from './v1';

export const V2_STORES = {
  ...V1_STORES,
  composeDirectory: 'key',
} as const;

export const V2_ROWS = {
  composeDirectory: [
    {
      key: 'directory',
      directory: {
        stores: [{ id: '5a000000-0000-4000-8000-000000000001', name: 'Downtown', time_zone: 'America/New_York' }],
        departments: [{ id: 'de000000-0000-4000-8000-000000000001', name: 'Sales floor' }],
        roles: ['staff', 'manager', 'hr', 'admin'],
        reach: [{ store_id: '5a000000-0000-4000-8000-000000000001', department_id: 'de000000-0000-4000-8000-000000000001', role: 'staff', members: 9 }],
      },
      fetched_at: '2026-11-22T08:30:00Z',
    },
  ],
} as const;
