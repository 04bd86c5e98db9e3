/**
 * An in-memory stand-in for sync_pull/sync_push used by unit tests. It keeps the
 * real contract, checked by the same suite as the real stack
 * (sync-contract-suite.ts): cursor paging in sync_seq order, `total` on the
 * first page, `removed` for retracted briefings, `reset` after the member moves
 * store (dropping also what was retracted while the phone was away), `previous`
 * on edited briefings, idempotent ids, per-item rejection of acks with the
 * server's codes, whole-batch refusals (over 500 items, a NUL Postgres cannot
 * read), and a closed account: pulls refused with member_inactive, pushes
 * answered per item (acks of versions older than the closing go through, the rest
 * is rejected account_closed). It can also be told to fail the next calls in chosen
 * ways. Other mutation types are accepted as they come (see rejectWhen).
 */
import { createHash } from 'node:crypto';
import type { RpcFailure, RpcOutcome } from '../../supabase/rpc';
import {
  type Ack,
  type Briefing,
  type BriefingTranslation,
  type MemberProfile,
  type Mutation,
  type MutationResult,
  PUSH_BATCH_MAX,
  type SyncPullResult,
  type SyncPushResult,
} from '../../supabase/types';
import type { SyncApi } from '../engine';
import type { Audience } from './sync-contract-suite';

const ME: MemberProfile = {
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
const AUTHOR_ID = '00000000-0000-4000-8000-000000000005';
const OTHER_STORE = { id: '00000000-0000-4000-8000-000000000006', name: 'Riverside', time_zone: 'America/New_York' };
const MUTATION_TYPES: ReadonlySet<string> = new Set(['ack', 'lesson_attempt', 'feedback', 'pulse_response', 'kudos', 'briefing']);

/** private.briefing_content_hash: title and body, then the translation (if any) after a unit separator. */
function contentHash(title: string, body: string, translation: BriefingTranslation | null = null): string {
  const text = translation ? `${title}\n${body}\n\x1f${translation.language}\n${translation.title}\n${translation.body}` : `${title}\n${body}`;
  return createHash('sha256').update(text).digest('hex');
}

export function briefingRow(n: number, seq: number, storeIds: string[] = []): Briefing {
  const id = `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const title = `Briefing ${n}`;
  return {
    id,
    kind: 'shift',
    title,
    body: 'Body',
    priority: 'normal',
    author_id: AUTHOR_ID,
    author_name: 'Dana',
    store_ids: storeIds,
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
    content_hash: contentHash(title, 'Body'),
    previous: null,
    language: 'en',
    translation: null,
    // Only the member and the author can read the fake's briefings: fewer than 5.
    narrow_audience: true,
    created_at: '2026-11-22T08:00:00Z',
    updated_at: '2026-11-22T08:00:00Z',
    sync_seq: seq,
  };
}

function batchTooLarge(count: number): RpcFailure {
  return { kind: 'http', status: 400, code: '22023', message: `At most ${PUSH_BATCH_MAX} mutations per call (got ${count})`, details: 'batch_too_large' };
}

export const NETWORK_DOWN: RpcFailure = { kind: 'network', message: 'Failed to fetch' };
export const SERVER_ERROR: RpcFailure = { kind: 'http', status: 503, code: '', message: 'unavailable', details: null };
const UNREADABLE: RpcFailure = {
  kind: 'http',
  status: 400,
  code: '22P05',
  message: 'unsupported Unicode escape sequence',
  details: '\\u0000 cannot be converted to text.',
};
export const OUTDATED: RpcFailure = { kind: 'contract', message: 'sync_push answered an unexpected shape' };
export const UNAUTHORIZED: RpcFailure = { kind: 'http', status: 401, code: 'PGRST303', message: 'JWT expired', details: null };
export const MEMBER_INACTIVE: RpcFailure = {
  kind: 'http',
  status: 403,
  code: '42501',
  message: 'Your membership has been deactivated',
  details: 'member_inactive',
};

type Failure = RpcFailure | 'throw';
/** A version's text and when it was made (a sync_seq stands in for the time). */
type Text = { title: string; body: string; content_hash: string; seq: number; languages: string[] };

export class FakeServer implements SyncApi {
  /** Live briefings (published, not retracted), whoever they are addressed to. */
  readonly briefings = new Map<string, Briefing>();
  readonly applied = new Map<string, Mutation>();
  readonly pushCalls: Mutation[][] = [];
  readonly pullCalls: Array<{ cursor: number; limit: number }> = [];
  refreshCalls = 0;
  /** The server's clock, sent as server_time with every pull. */
  serverTime = Date.parse('2026-11-22T10:00:00Z');
  refreshAnswer: 'refreshed' | 'offline' | 'signed_out' = 'refreshed';
  /** Refuses chosen mutations before the fake's own checks (for types it does not check itself). */
  rejectWhen: (m: Mutation) => MutationResult | null = () => null;
  /** The member under test, as sync_pull answers it in me. */
  me: MemberProfile = structuredClone(ME);
  private readonly retracted = new Map<string, Briefing>();
  /** Every text each briefing has had, by version, as briefing_versions keeps them. */
  private readonly texts = new Map<string, Map<number, Text>>();
  private readonly acks = new Map<string, Ack>();
  private readonly tombstones: Array<{ id: string; seq: number; storeIds: string[] }> = [];
  /** The store the member had before each move, as member_audience_changes keeps it. */
  private readonly moves: Array<{ seq: number; storeId: string | null }> = [];
  /** When the account was closed (deactivated), as private.member_closures keeps it. */
  private closedAt: number | null = null;
  private seq = 0;
  private readonly failures: Failure[] = [];

  addBriefings(count: number, audience: Audience = 'everyone'): Briefing[] {
    const home = this.me.store!.id;
    const storeIds = { everyone: [], 'my store': [home], 'another store': [home === OTHER_STORE.id ? ME.store!.id : OTHER_STORE.id] }[audience];
    const rows: Briefing[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.briefings.size + this.retracted.size + 1;
      const row = briefingRow(n, ++this.seq, storeIds);
      this.briefings.set(row.id, row);
      this.texts.set(row.id, new Map([[1, { title: row.title, body: row.body, content_hash: row.content_hash, seq: row.sync_seq, languages: ['en'] }]]));
      rows.push(row);
    }
    return rows;
  }

  /** A new text (or translation, which is part of the version) makes a new version; the old one stays acknowledgeable. */
  edit(id: string, { translation = null, ...text }: { title: string; body: string; translation?: BriefingTranslation | null }): void {
    const row = this.briefings.get(id)!;
    const version = row.version + 1;
    const content_hash = contentHash(text.title, text.body, translation);
    const sync_seq = ++this.seq;
    const languages = [row.language ?? 'en', ...(translation ? [translation.language] : [])];
    this.texts.get(id)!.set(version, { ...text, content_hash, seq: sync_seq, languages });
    this.briefings.set(id, {
      ...row,
      ...text,
      translation,
      version,
      content_hash,
      sync_seq,
      previous: { version: row.version, title: row.title, body: row.body, translation: row.translation ?? null },
    });
  }

  /** Retracts a briefing: phones that could see it are told to drop it. */
  remove(id: string): void {
    const row = this.briefings.get(id)!;
    this.briefings.delete(id);
    this.retracted.set(id, row);
    this.tombstones.push({ id, seq: ++this.seq, storeIds: row.store_ids });
  }

  /** The member moves to another store, so phones start over and drop what the old store could see. */
  moveToAnotherStore(): void {
    this.moves.push({ seq: ++this.seq, storeId: this.me.store?.id ?? null });
    this.me = { ...this.me, store: this.me.store?.id === OTHER_STORE.id ? ME.store : OTHER_STORE };
  }

  /** The member is deactivated: pulls are refused, pushes answered per item. */
  closeAccount(): void {
    this.closedAt = ++this.seq;
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

  private addressed(storeIds: readonly string[], storeId: string | null = this.me.store?.id ?? null): boolean {
    return storeIds.length === 0 || (storeId !== null && storeIds.includes(storeId));
  }

  async pull(cursor: number, limit: number): Promise<RpcOutcome<SyncPullResult>> {
    this.pullCalls.push({ cursor, limit });
    const failed = this.takeFailure<SyncPullResult>();
    if (failed) return failed;
    if (this.closedAt !== null) return { ok: false, error: MEMBER_INACTIVE };
    const base = { server_time: new Date(this.serverTime).toISOString(), me: this.me, value_cards: [], lessons: [], pulses: [] };
    const move = cursor > 0 ? this.moves.find((m) => m.seq > cursor) : undefined;
    if (move) {
      const lost = [
        ...[...this.briefings.values()].filter((b) => this.addressed(b.store_ids, move.storeId) && !this.addressed(b.store_ids)).map((b) => b.id),
        // Retracted after the phone's cursor for the old audience: the pull from 0 would never say so.
        ...this.tombstones.filter((t) => t.seq > cursor && this.addressed(t.storeIds, move.storeId)).map((t) => t.id),
      ];
      return { ok: true, data: { ...base, cursor: 0, has_more: true, reset: true, briefings: [], acks: [], removed: lost } };
    }
    const visible = [...this.briefings.values()].filter((b) => this.addressed(b.store_ids));
    const items = [
      ...visible.map((b) => ({ seq: b.sync_seq, briefing: b })),
      ...[...this.acks.values()].map((a) => ({ seq: a.sync_seq, ack: a })),
      ...this.tombstones.filter((t) => this.addressed(t.storeIds)).map((t) => ({ seq: t.seq, removed: t.id })),
    ]
      .filter((item) => item.seq > cursor)
      .sort((a, b) => a.seq - b.seq);
    const page = items.slice(0, limit);
    const hasMore = items.length > limit;
    return {
      ok: true,
      data: {
        ...base,
        cursor: hasMore ? page[page.length - 1]!.seq : Math.max(cursor, this.seq),
        has_more: hasMore,
        total: cursor === 0 ? visible.length + this.acks.size : null,
        briefings: page.flatMap((item) => ('briefing' in item ? [item.briefing] : [])),
        acks: page.flatMap((item) => ('ack' in item ? [item.ack] : [])),
        removed: page.flatMap((item) => ('removed' in item ? [item.removed] : [])),
      },
    };
  }

  async push(mutations: Mutation[]): Promise<RpcOutcome<SyncPushResult>> {
    this.pushCalls.push(mutations);
    const failed = this.takeFailure<SyncPushResult>();
    if (failed) return failed;
    if (mutations.length > PUSH_BATCH_MAX) return { ok: false, error: batchTooLarge(mutations.length) };
    // jsonb cannot hold U+0000: Postgres refuses the whole argument before sync_push runs.
    if (JSON.stringify(mutations).includes('\\u0000')) return { ok: false, error: UNREADABLE };
    const results = mutations.map((m): MutationResult => {
      if (this.applied.has(m.id)) return { id: m.id, status: 'duplicate' };
      const rejection = this.rejectWhen(m) ?? this.closedAccountCheck(m) ?? this.check(m);
      if (rejection) return { id: m.id, status: 'rejected', ...rejection };
      this.applied.set(m.id, m);
      return { id: m.id, status: m.type === 'ack' ? this.recordAck(m) : 'applied' };
    });
    return { ok: true, data: { results } };
  }

  /** A closed account delivers only acks of versions older than the closing (private.check_closed_account_mutation). */
  private closedAccountCheck(m: Mutation): Pick<MutationResult, 'code' | 'message'> | null {
    if (this.closedAt === null) return null;
    const closedAt = this.closedAt;
    if (m.type === 'ack' && (this.texts.get(m.payload.briefing_id)?.get(m.payload.version)?.seq ?? Number.POSITIVE_INFINITY) < closedAt) return null;
    return { code: 'account_closed', message: 'This account was closed' };
  }

  /** sync_push's own refusals, in its order (private.apply_ack). */
  private check(m: Mutation): Pick<MutationResult, 'code' | 'message'> | null {
    if (!MUTATION_TYPES.has(m.type)) return { code: 'unknown_type', message: `Unknown mutation type ${m.type}` };
    if (m.type !== 'ack') return null;
    const { briefing_id, version, content_hash } = m.payload;
    const row = this.briefings.get(briefing_id) ?? this.retracted.get(briefing_id);
    if (!row || !(this.addressed(row.store_ids) || row.author_id === this.me.member_id)) {
      return { code: 'unknown_briefing', message: 'No briefing with this id is addressed to you' };
    }
    if (this.retracted.has(briefing_id)) return { code: 'briefing_retracted', message: 'This briefing was retracted' };
    const text = this.texts.get(briefing_id)!.get(version);
    if (!text) return { code: 'unknown_version', message: `This briefing has no version ${version}` };
    if (text.content_hash !== content_hash.toLowerCase()) return { code: 'hash_mismatch', message: `The acknowledged text does not match version ${version}` };
    const language = m.payload.language;
    if (language && !text.languages.includes(language)) {
      return { code: 'language_unavailable', message: `Version ${version} of this briefing has no text in ${language}` };
    }
    return null;
  }

  /** A second ack of the same version (under a new id) is a duplicate, as the unique key makes it. */
  private recordAck(m: Extract<Mutation, { type: 'ack' }>): 'applied' | 'duplicate' {
    const { briefing_id, version, content_hash, acked_at } = m.payload;
    if ([...this.acks.values()].some((a) => a.briefing_id === briefing_id && a.version === version)) return 'duplicate';
    const received_at = new Date(this.serverTime).toISOString();
    // No language named: the phone showed the original.
    const language = m.payload.language ?? (this.texts.get(briefing_id)!.get(version)!.languages[0] as 'en' | 'es');
    this.acks.set(m.id, { id: m.id, briefing_id, version, content_hash, acked_at, received_at, sync_seq: ++this.seq, language });
    return 'applied';
  }

  async refreshSession(): Promise<'refreshed' | 'offline' | 'signed_out'> {
    this.refreshCalls++;
    return this.refreshAnswer;
  }
}
