/**
 * Reports' and the pending list's filters as they stand in the address, so a reload,
 * back or a shared link finds the same view. Anything the address holds that the
 * screen would not offer (days=abc, a store id that is not an id) reads as the default;
 * an id of the right shape that the server does not know is the screen's to drop.
 */
import { REPORT_PERIODS, type ReportPeriod } from '../../domain/compliance';
import type { Query, QueryChanges } from '../../ui/router/query';

export const DEFAULT_PERIOD: ReportPeriod = 30;
const SEARCH_MAX = 100;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReportFilters {
  days: ReportPeriod;
  storeId: string | null;
  departmentId: string | null;
}

export interface PendingFilters {
  departmentId: string | null;
  search: string | null;
}

function idOf(value: string | undefined): string | null {
  return value !== undefined && ID.test(value) ? value.toLowerCase() : null;
}

function periodOf(value: string | undefined): ReportPeriod {
  return REPORT_PERIODS.find((period) => String(period) === value) ?? DEFAULT_PERIOD;
}

/** What search a value asks for: trimmed, at most what the server accepts, none when empty. */
export function searchOf(value: string | undefined): string | null {
  const text = (value ?? '').trim().slice(0, SEARCH_MAX).trim();
  return text === '' ? null : text;
}

export function readReportFilters(query: Query): ReportFilters {
  return { days: periodOf(query.days), storeId: idOf(query.store), departmentId: idOf(query.department) };
}

/** The query values for these filters; the default period is left out, so a plain /reports is the default view. */
export function reportQuery(filters: Partial<ReportFilters>): QueryChanges {
  const changes: Record<string, string | null> = {};
  if (filters.days !== undefined) changes.days = filters.days === DEFAULT_PERIOD ? null : String(filters.days);
  if (filters.storeId !== undefined) changes.store = filters.storeId;
  if (filters.departmentId !== undefined) changes.department = filters.departmentId;
  return changes;
}

export function readPendingFilters(query: Query): PendingFilters {
  return { departmentId: idOf(query.department), search: searchOf(query.q) };
}

export function pendingQuery(filters: Partial<PendingFilters>): QueryChanges {
  const changes: Record<string, string | null> = {};
  if (filters.departmentId !== undefined) changes.department = filters.departmentId;
  if (filters.search !== undefined) changes.q = filters.search;
  return changes;
}
