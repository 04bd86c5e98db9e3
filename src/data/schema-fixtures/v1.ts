/**
 * Frozen copy of schema version 1 and rows as version 1 wrote them. Never edit:
 * db.test.ts proves that today's code opens a database written by it.
 */
export const V1_STORES = {
  briefings: 'id, publish_at',
  valueCards: 'id, position',
  lessons: 'id',
  pulses: 'id',
  acks: 'id, briefing_id',
  outbox: '++seq, &id, state',
  meta: 'key',
} as const;

export const V1_ROWS = {
  briefings: [
    {
      id: 'b0000000-0000-4000-8000-000000000001',
      kind: 'shift',
      title: 'Morning huddle',
      body: 'Hello',
      priority: 'normal',
      author_id: 'a0000000-0000-4000-8000-000000000001',
      author_name: 'Dana',
      store_ids: [],
      department_ids: [],
      roles: [],
      shift_date: null,
      shift_start: null,
      shift_end: null,
      requires_ack: true,
      ack_due_at: null,
      publish_at: '2026-11-22T08:00:00Z',
      expires_at: null,
      version: 1,
      content_hash: 'a'.repeat(64),
      created_at: '2026-11-22T08:00:00Z',
      updated_at: '2026-11-22T08:00:00Z',
      sync_seq: 42,
    },
  ],
  acks: [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      briefing_id: 'b0000000-0000-4000-8000-000000000001',
      version: 1,
      content_hash: 'a'.repeat(64),
      acked_at: '2026-11-22T09:00:00Z',
      received_at: '2026-11-22T09:00:00Z',
      sync_seq: 0,
      local_state: 'pending',
    },
  ],
  outbox: [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      type: 'ack',
      payload: { briefing_id: 'b0000000-0000-4000-8000-000000000001', version: 1, content_hash: 'a'.repeat(64), acked_at: '2026-11-22T09:00:00Z' },
      created_at: '2026-11-22T09:00:00Z',
      state: 'waiting',
    },
  ],
  meta: [{ key: 'sync', cursor: 42, me: null, last_synced_at: '2026-11-22T08:30:00Z', first_sync: null }],
} as const;
