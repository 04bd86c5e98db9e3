/**
 * The phone's text limits are the server's: each number the validators, the
 * forms and the words read (src/domain/limits.ts, VALUE_CARD_LIMITS,
 * LESSON_LIMITS) equals the CHECK constraint of the column the text is stored
 * in, and the cap sync_push's handlers give req_text, read from the migrated
 * database rather than from the migration files, so a later migration that
 * changes one counts too.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_LIMITS } from '../../src/domain/lesson-draft';
import { ADMIN_LIMITS, LIMITS } from '../../src/domain/limits';
import { VALUE_CARD_LIMITS } from '../../src/domain/value-card-draft';
import { sql } from './support/fixtures';

/** The largest char_length a CHECK constraint of public.<table> allows for <column>. */
async function checkedMax(table: string, column: string): Promise<number | null> {
  const rows = await sql<{ def: string }>(
    `select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.contype = 'c' and c.conrelid = ('public.' || quote_ident($1))::regclass`,
    [table],
  );
  const caps = rows.flatMap((row) => [...row.def.matchAll(new RegExp(`char_length\\(${column}\\) <= (\\d+)`, 'g'))].map((m) => Number(m[1])));
  return caps.length === 1 ? caps[0]! : null;
}

/** The cap a private function gives req_text/opt_text for one payload key. */
async function handlerCap(fn: string, key: string): Promise<number | null> {
  const [row] = await sql<{ def: string }>(`select pg_get_functiondef($1::regproc) as def`, [`private.${fn}`]);
  const match = row?.def.match(new RegExp(`(?:req|opt)_text\\(p, '${key}', (\\d+)`));
  return match ? Number(match[1]) : null;
}

describe('text limits agree with the database', () => {
  it.each([
    ['briefings', 'title', LIMITS.briefingTitle],
    ['briefings', 'body', LIMITS.briefingBody],
    ['feedback', 'body', LIMITS.feedbackBody],
    ['kudos', 'message', LIMITS.kudosMessage],
    ['pulses', 'question', LIMITS.pulseQuestion],
    ['pulse_responses', 'comment', LIMITS.pulseComment],
    ['value_cards', 'title', VALUE_CARD_LIMITS.title],
    ['value_cards', 'statement', VALUE_CARD_LIMITS.statement],
    ['value_cards', 'on_the_floor', VALUE_CARD_LIMITS.onTheFloor],
    ['lessons', 'title', LESSON_LIMITS.title],
    ['lessons', 'summary', LESSON_LIMITS.summary],
    ['stores', 'name', ADMIN_LIMITS.storeName],
    ['stores', 'code', ADMIN_LIMITS.storeCode],
    ['stores', 'region', ADMIN_LIMITS.storeRegion],
    ['departments', 'name', ADMIN_LIMITS.departmentName],
    ['members', 'display_name', ADMIN_LIMITS.personName],
    ['members', 'employee_id', ADMIN_LIMITS.employeeId],
    ['members', 'email', ADMIN_LIMITS.email],
    ['members', 'phone', ADMIN_LIMITS.phone],
  ])('%s.%s is checked at %i characters', async (table, column, max) => {
    expect(await checkedMax(table, column)).toBe(max);
  });

  it.each([
    ['apply_briefing', 'title', LIMITS.briefingTitle],
    ['apply_briefing', 'body', LIMITS.briefingBody],
    ['apply_feedback', 'body', LIMITS.feedbackBody],
    ['apply_kudos', 'message', LIMITS.kudosMessage],
    ['apply_pulse_response', 'comment', LIMITS.pulseComment],
  ])('sync_push: %s caps %s at %i characters', async (fn, key, max) => {
    expect(await handlerCap(fn, key)).toBe(max);
  });
});
