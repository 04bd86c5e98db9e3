/**
 * Frozen copy of schema version 3 (version 2 plus values, learning and voice)
 * and rows as version 3 wrote them. Never edit: db.test.ts proves that
 * today's code opens a database written by it.
 */
import { V2_STORES } from './v2';

export const V3_STORES = {
  ...V2_STORES,
  roster: 'member_id, display_name',
  kudos: 'id, created_at',
  lessonProgress: 'lesson_id',
  attempts: 'id, lesson_id',
  reviews: 'key, due_at',
  myFeedback: 'id, created_at',
  board: 'feedback_id',
} as const;

export const V3_ROWS = {
  roster: [{ member_id: '3e000000-0000-4000-8000-000000000005', display_name: 'Sam Patel', department_id: null, department_name: null }],
  lessonProgress: [
    {
      lesson_id: '1e000000-0000-4000-8000-000000000001',
      lesson_version: 1,
      step: 3,
      answers: { q1: ['b'] },
      started_at: '2026-11-22T08:00:00Z',
      updated_at: '2026-11-22T08:01:00Z',
    },
  ],
  reviews: [
    {
      key: '1e000000-0000-4000-8000-000000000001:q1',
      lesson_id: '1e000000-0000-4000-8000-000000000001',
      question_id: 'q1',
      box: 2,
      due_at: '2026-11-25T08:01:00Z',
      last_answered_at: '2026-11-22T08:01:00Z',
    },
  ],
} as const;
