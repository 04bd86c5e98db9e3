/**
 * The sync engine: pushes the outbox, then pulls what changed, one cycle at a
 * time across every tab of this user (Web Locks). It promises:
 * - the outbox drains in order, at most 500 per call, each entry until the
 *   server says applied/duplicate (dropped) or rejected (kept, shown, not resent);
 * - a batch the server refuses whole is split until the one item it cannot read
 *   is alone; that item is refused, everything else goes;
 * - a push that keeps failing for any reason but the network or the session
 *   never holds back the pull;
 * - network errors, 5xx and a full disk retry with jittered exponential backoff;
 *   what the server confirmed while the disk was full is never sent again;
 * - a 401 refreshes the session once, then waits for the person to sign in,
 *   without touching the outbox;
 * - pulled pages land with their cursor in one transaction, with the server
 *   clock's offset from this phone's (what is live is decided in server time);
 * - it stops with `deactivated` (the account was closed) only after everything
 *   waiting, even what was written while the pull was refused, has been offered
 *   to the server, which still takes acknowledgements of what the phone was shown.
 * Its status (phase, error, next retry) is observable; counts of waiting and
 * rejected items are read from the outbox itself.
 */
import type { FrontlineDb } from '../db';
import { readMeta } from '../db';
import type { RpcOutcome } from '../supabase/rpc';
import type { Mutation, SyncPullResult, SyncPushResult } from '../supabase/types';
import { applyPullPage } from './apply';
import { retryDelayMs } from './backoff';
import { actionFor, CycleFailure, type SyncProblem, storageProblem } from './failures';
import { OutboxPush } from './outbox-push';
import { clockOffsetMs } from './server-clock';

export type { SyncProblem } from './failures';

export interface SyncApi {
  pull(cursor: number, limit: number): Promise<RpcOutcome<SyncPullResult>>;
  push(mutations: Mutation[]): Promise<RpcOutcome<SyncPushResult>>;
  /** Refresh the access token: 'offline' when the network failed, 'signed_out' when the session is gone. */
  refreshSession(): Promise<'refreshed' | 'offline' | 'signed_out'>;
}

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'signin_required' | 'stopped';

export interface SyncStatus {
  phase: SyncPhase;
  /** What is wrong, as a code the UI words in the person's language. */
  problem: SyncProblem | null;
  nextRetryAt: number | null;
}

export interface SyncEngineOptions {
  db: FrontlineDb;
  api: SyncApi;
  /** Web Locks name shared by every tab of this user. */
  lockName: string;
  locks?: Pick<LockManager, 'request'> | null;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  pageSize?: number;
  batchSize?: number;
}

type CycleResult = { kind: 'done' } | { kind: 'retry'; problem: SyncProblem } | { kind: 'signin' } | { kind: 'stop'; problem: SyncProblem };

const NO_PROBLEM = { problem: null } as const;

export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', ...NO_PROBLEM, nextRetryAt: null };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private rerun = false;
  private attempt = 0;
  private timer: unknown = null;
  private stopped = false;
  /** The last cycle's own session refresh failed for lack of network: a token refreshed elsewhere (supabase-js) is worth a sync now. */
  private refreshFailedOffline = false;
  private readonly outbox: OutboxPush;
  private readonly o: Required<Omit<SyncEngineOptions, 'locks'>> & { locks: SyncEngineOptions['locks'] };

  constructor(options: SyncEngineOptions) {
    this.o = {
      isOnline: () => true,
      now: () => Date.now(),
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      pageSize: 500,
      batchSize: 500,
      ...options,
      locks: options.locks ?? null,
    };
    this.outbox = new OutboxPush(this.o.db, (mutations) => this.o.api.push(mutations), this.o.batchSize);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ask for a sync soon; calls while one runs fold into one more cycle after it. */
  requestSync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.status.phase === 'signin_required') return Promise.resolve();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.cancelTimer();
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * After a new sign-in or token: leave "sign in to sync" or "stopped", or stop
   * waiting out a backoff that began because this engine's own session refresh
   * found no network, and try again now. Otherwise nothing: a phone whose clock
   * runs ahead refreshes its token before every call, and a sync per refresh
   * would never end.
   */
  resume(): Promise<void> {
    const waitingForToken = this.status.phase === 'retrying' && this.refreshFailedOffline;
    if (this.status.phase !== 'signin_required' && this.status.phase !== 'stopped' && !waitingForToken) {
      return this.running ?? Promise.resolve();
    }
    this.attempt = 0;
    this.setStatus({ phase: 'idle', ...NO_PROBLEM, nextRetryAt: null });
    return this.requestSync();
  }

  dispose(): void {
    this.stopped = true;
    this.cancelTimer();
    this.listeners.clear();
  }

  private async loop(): Promise<void> {
    do {
      this.rerun = false;
      if (!this.o.isOnline()) {
        this.setStatus({ phase: 'offline', ...NO_PROBLEM, nextRetryAt: null });
        return;
      }
      this.setStatus({ phase: 'syncing', ...NO_PROBLEM, nextRetryAt: null });
      const result = await this.withLock(() => this.cycle());
      if (this.stopped) return;
      if (result.kind === 'done') {
        this.attempt = 0;
        this.setStatus({ phase: 'idle', ...NO_PROBLEM, nextRetryAt: null });
      } else if (result.kind === 'retry') {
        const delay = retryDelayMs(this.attempt++, this.o.random());
        const nextRetryAt = this.o.now() + delay;
        this.setStatus({ phase: this.o.isOnline() ? 'retrying' : 'offline', problem: result.problem, nextRetryAt });
        this.timer = this.o.setTimer(() => {
          this.timer = null;
          void this.requestSync();
        }, delay);
        return;
      } else if (result.kind === 'signin') {
        this.setStatus({ phase: 'signin_required', problem: { code: 'signin' }, nextRetryAt: null });
        return;
      } else {
        this.setStatus({ phase: 'stopped', problem: result.problem, nextRetryAt: null });
        return;
      }
    } while (this.rerun);
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.o.locks) return fn();
    return this.o.locks.request(this.o.lockName, fn) as Promise<T>;
  }

  /**
   * push, pull, and push again anything written meanwhile; refresh the session
   * at most once. A push the server keeps refusing (not the network, not the
   * session) does not hold the pull back: the person still gets what changed.
   */
  private async cycle(): Promise<CycleResult> {
    let refreshed = false;
    let offeredAll = false;
    this.refreshFailedOffline = false;
    for (;;) {
      try {
        const refused = await this.pushUnlessRefused();
        await this.pullAll();
        const problem = refused ?? (await this.pushUnlessRefused());
        return problem ? { kind: 'stop', problem } : { kind: 'done' };
      } catch (error) {
        // Anything unexpected (a storage hiccup, a thrown fetch) is retried later, never lost.
        if (!(error instanceof CycleFailure)) return { kind: 'retry', problem: storageProblem(error) ?? { code: 'unexpected', detail: String(error) } };
        const action = actionFor(error.failure);
        // The account was closed: the phone will be wiped, so once more round for anything written meanwhile.
        if (action.kind === 'stop' && action.problem.code === 'deactivated' && !offeredAll && (await this.hasWaiting())) {
          offeredAll = true;
          continue;
        }
        if (action.kind === 'retry' || action.kind === 'stop') return action;
        if (refreshed) return { kind: 'signin' };
        refreshed = true;
        const outcome = await this.o.api.refreshSession();
        this.refreshFailedOffline = outcome === 'offline';
        if (outcome === 'offline') return { kind: 'retry', problem: { code: 'no_connection' } };
        if (outcome === 'signed_out') return { kind: 'signin' };
      }
    }
  }

  private async hasWaiting(): Promise<boolean> {
    return (await this.o.db.outbox.where('state').equals('waiting').count()) > 0;
  }

  /** The problem that stops pushing, once the pull has had its turn; network and session failures throw as before. */
  private async pushUnlessRefused(): Promise<SyncProblem | null> {
    try {
      await this.outbox.pushAll();
      return null;
    } catch (error) {
      if (!(error instanceof CycleFailure)) throw error;
      const action = actionFor(error.failure);
      if (action.kind !== 'stop') throw error;
      return action.problem;
    }
  }

  /**
   * Pages through the cursor. The next page is asked for as soon as this one arrives, with
   * the cursor this one will store, so its network wait overlaps writing this one. Should
   * the write fail, the early answer is simply never applied: the stored cursor still points
   * at the last page written.
   */
  private async pullAll(): Promise<void> {
    let next = this.pullPage((await readMeta(this.o.db)).cursor);
    for (;;) {
      const { outcome, sentAt, receivedAt } = await next;
      if (!outcome.ok) throw new CycleFailure(outcome.error);
      const page = outcome.data;
      if (page.has_more) {
        next = this.pullPage(page.reset ? 0 : page.cursor);
        // Awaited on the next turn; until then a failure must not surface as unhandled.
        next.catch(() => {});
      }
      const offset = page.server_time ? clockOffsetMs(page.server_time, sentAt, receivedAt) : null;
      await applyPullPage(this.o.db, page, new Date(receivedAt), offset);
      if (!page.has_more) return;
    }
  }

  private async pullPage(cursor: number): Promise<{ outcome: RpcOutcome<SyncPullResult>; sentAt: number; receivedAt: number }> {
    const sentAt = this.o.now();
    const outcome = await this.o.api.pull(cursor, this.o.pageSize);
    return { outcome, sentAt, receivedAt: this.o.now() };
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.o.clearTimer(this.timer);
      this.timer = null;
    }
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
