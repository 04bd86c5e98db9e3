/**
 * An in-memory stand-in for sync_pull/sync_push used by unit tests: keeps the
 * real contract (cursor paging, idempotent ids, per-mutation rejection) and can
 * be told to fail the next calls in chosen ways.
 */
import type { RpcFailure, RpcOutcome } from '../../supabase/rpc';
import type { Briefing, MemberProfile, Mutation, MutationResult, SyncPullResult, SyncPushResult } from '../../supabase/types';
import type { SyncApi } from '../engine';

export const ME: MemberProfile = {
  member_id: '00000000-0000-4000-8000-000000000001',
  user_id: '00000000-0000-4000-8000-000000000002',
  display_name: 'Alex Kim',
  email: 'alex@demo.test',
  role: 'staff',
  locale: 'en',
  organization: { id: '00000000-0000-4000-8000-000000000003', name: 'Demo Retail' },
  store: { id: '00000000-0000-4000-8000-000000000004', name: 'Downtown', time_zone: 'America/New_York' },
  department: null,
  managed_store_ids: [],
  answered_pulse_ids: [],
};

export function briefingRow(n: number, seq: number): Briefing {
  const id = `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id, kind: 'shift', title: `Briefing ${n}`, body: 'Body', priority: 'normal', author_id: ME.member_id, author_name: 'Dana',
    store_ids: [], department_ids: [], roles: [], shift_date: null, shift_start: null, shift_end: null,
    requires_ack: true, ack_due_at: null, publish_at: '2026-11-22T08:00:00Z', expires_at: null,
    version: 1, content_hash: 'a'.repeat(64), created_at: '2026-11-22T08:00:00Z', updated_at: '2026-11-22T08:00:00Z', sync_seq: seq,
  };
}

type Failure = RpcFailure | 'throw';

export class FakeServer implements SyncApi {
  readonly briefings = new Map<string, Briefing>();
  readonly removals: Array<{ id: string; seq: number }> = [];
  readonly applied = new Map<string, Mutation>();
  readonly pushCalls: Mutation[][] = [];
  readonly pullCalls: Array<{ cursor: number; limit: number }> = [];
  refreshCalls = 0;
  /** The server's clock, sent as server_time with every pull. */
  serverTime = Date.parse('2026-11-22T10:00:00Z');
  refreshAnswer: 'refreshed' | 'offline' | 'signed_out' = 'refreshed';
  rejectWhen: (m: Mutation) => MutationResult | null = () => null;
  /** A mutation the server cannot even read (e.g. a NUL in jsonb): the whole call fails with 400, as Postgres makes it. */
  unreadableWhen: (m: Mutation) => boolean = () => false;
  private seq = 0;
  private readonly failures: Failure[] = [];

  addBriefings(count: number): Briefing[] {
    const rows: Briefing[] = [];
    for (let i = 0; i < count; i++) {
      const row = briefingRow(this.briefings.size + 1, ++this.seq);
      this.briefings.set(row.id, row);
      rows.push(row);
    }
    return rows;
  }

  remove(id: string): void {
    this.briefings.delete(id);
    this.removals.push({ id, seq: ++this.seq });
  }

  /** The next calls (pull or push) fail this way, in order. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  private takeFailure<T>(): RpcOutcome<T> | null {
    const failure = this.failures.shift();
    if (!failure) return null;
    if (failure === 'throw') throw new TypeError('Failed to fetch');
    return { ok: false, error: failure };
  }

  async pull(cursor: number, limit: number): Promise<RpcOutcome<SyncPullResult>> {
    this.pullCalls.push({ cursor, limit });
    const failed = this.takeFailure<SyncPullResult>();
    if (failed) return failed;
    const items = [
      ...[...this.briefings.values()].map((b) => ({ seq: b.sync_seq, briefing: b, removed: null as string | null })),
      ...this.removals.map((r) => ({ seq: r.seq, briefing: null as Briefing | null, removed: r.id })),
    ].filter((item) => item.seq > cursor).sort((a, b) => a.seq - b.seq);
    const page = items.slice(0, limit);
    const hasMore = items.length > limit;
    return {
      ok: true,
      data: {
        cursor: hasMore ? page[page.length - 1]!.seq : Math.max(cursor, this.seq),
        has_more: hasMore,
        total: cursor === 0 ? items.filter((item) => item.briefing).length : null,
        server_time: new Date(this.serverTime).toISOString(),
        me: ME,
        briefings: page.flatMap((item) => (item.briefing ? [item.briefing] : [])),
        value_cards: [], lessons: [], pulses: [], acks: [],
        removed: page.flatMap((item) => (item.removed ? [item.removed] : [])),
      },
    };
  }

  async push(mutations: Mutation[]): Promise<RpcOutcome<SyncPushResult>> {
    this.pushCalls.push(mutations);
    const failed = this.takeFailure<SyncPushResult>();
    if (failed) return failed;
    if (mutations.some(this.unreadableWhen)) return { ok: false, error: UNREADABLE };
    const results = mutations.map((m): MutationResult => {
      if (this.applied.has(m.id)) return { id: m.id, status: 'duplicate' };
      const rejection = this.rejectWhen(m);
      if (rejection) return rejection;
      this.applied.set(m.id, m);
      return { id: m.id, status: 'applied' };
    });
    return { ok: true, data: { results } };
  }

  async refreshSession(): Promise<'refreshed' | 'offline' | 'signed_out'> {
    this.refreshCalls++;
    return this.refreshAnswer;
  }
}

export const NETWORK_DOWN: RpcFailure = { kind: 'network', message: 'Failed to fetch' };
export const SERVER_ERROR: RpcFailure = { kind: 'http', status: 503, code: '', message: 'unavailable', details: null };
export const UNREADABLE: RpcFailure = { kind: 'http', status: 400, code: '22P05', message: 'unsupported Unicode escape sequence', details: '\\u0000 cannot be converted to text.' };
export const OUTDATED: RpcFailure = { kind: 'contract', message: 'sync_push answered an unexpected shape' };
export const UNAUTHORIZED: RpcFailure = { kind: 'http', status: 401, code: 'PGRST303', message: 'JWT expired', details: null };
