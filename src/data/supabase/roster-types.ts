/**
 * The roster import's RPC shapes (#12 item 2): rows as the client sends them,
 * the dry run's plan per row, the people missing from the file and what apply
 * did. Part of the one contract in types.ts (its RPC table names these).
 */
import * as z from 'zod/mini';
import type { RosterRow } from '../../domain/roster-columns';

/** A file row as roster_dry_run takes it: a key absent keeps that field of the person, an empty one clears it. */
export type RosterRowInput = RosterRow;

export const ROSTER_OUTCOMES = ['add', 'change', 'unchanged', 'problem'] as const;
export type RosterOutcome = (typeof ROSTER_OUTCOMES)[number];

const fields = z.record(z.string(), z.unknown());

export const RosterPlanRow = z.object({
  row: z.number(),
  employee_id: z.optional(z.unknown()),
  outcome: z.enum(ROSTER_OUTCOMES),
  /** Why the row cannot be applied: an import code (unknown_store, unknown_role, ...) or an admin_save_person code. */
  problem: z.optional(z.string()),
  /** A change: the changed fields' old values. */
  before: z.optional(fields),
  /** An add: the new person's fields; a change: the changed fields' new values. */
  after: z.optional(fields),
});
export type RosterPlanRow = z.infer<typeof RosterPlanRow>;

export const RosterDryRunResult = z.object({ rows: z.array(RosterPlanRow) });

export const RosterMissingPerson = z.object({
  id: z.string(),
  employee_id: z.nullable(z.string()),
  display_name: z.string(),
  store_code: z.nullable(z.string()),
});
export type RosterMissingPerson = z.infer<typeof RosterMissingPerson>;
export const RosterMissing = z.object({ total: z.number(), people: z.array(RosterMissingPerson) });
export type RosterMissing = z.infer<typeof RosterMissing>;

export const RosterApplyResult = z.object({
  rows: z.array(z.object({ row: z.number(), outcome: z.enum(['added', 'changed']), member_id: z.string() })),
});
export type RosterApplyResult = z.infer<typeof RosterApplyResult>;
