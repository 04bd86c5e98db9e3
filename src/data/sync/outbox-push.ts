/**
 * The push half of a sync: drains the outbox in order, a batch at a time, and
 * records the server's verdict on each entry. A batch the server refuses whole
 * is split until the one item it cannot read is alone, so that item alone is
 * refused. What the server confirmed while the phone was too full to record it
 * is remembered (in memory) and never sent again; it is dropped from the
 * outbox once there is space. Failures of the call itself throw CycleFailure.
 */
import type { FrontlineDb, OutboxEntry } from '../db';
import type { RpcOutcome } from '../supabase/rpc';
import type { Mutation, SyncPushResult } from '../supabase/types';
import { applyPushVerdict } from './apply';
import { CycleFailure, isBatchRefusal, storageProblem } from './failures';
import { judgeResults, nextBatch, type PushVerdict, refusedAlone, splitBatch, toMutation } from './push-plan';

export class OutboxPush {
  /** Outbox entries the server confirmed while the phone was too full to drop them. */
  private readonly confirmedUnwritten = new Map<string, OutboxEntry>();

  constructor(
    private readonly db: FrontlineDb,
    private readonly send: (mutations: Mutation[]) => Promise<RpcOutcome<SyncPushResult>>,
    private readonly batchSize: number,
  ) {}

  async pushAll(): Promise<void> {
    await this.writeRemembered();
    for (;;) {
      // An index walk yields equal keys in primary-key order, i.e. outbox order.
      const waiting = await this.db.outbox.where('state').equals('waiting').limit(this.batchSize).toArray();
      const batch = nextBatch(waiting, this.batchSize);
      if (batch.length === 0) return;
      if ((await this.pushBatch(batch)) === 0) return;
    }
  }

  /** Sends one batch and records the verdict; returns how many items got one. */
  private async pushBatch(batch: OutboxEntry[]): Promise<number> {
    const outcome = await this.send(batch.map(toMutation));
    if (outcome.ok) {
      const verdict = judgeResults(batch, outcome.data.results);
      await this.record(verdict, batch);
      return batch.length - verdict.unanswered.length;
    }
    if (!isBatchRefusal(outcome.error)) throw new CycleFailure(outcome.error);
    if (batch.length === 1) {
      await this.record(refusedAlone(batch[0]!, outcome.error), batch);
      return 1;
    }
    const [first, second] = splitBatch(batch);
    return (await this.pushBatch(first)) + (await this.pushBatch(second));
  }

  /** A verdict the phone cannot write (full disk): what the server confirmed is remembered here, so it is not sent again. */
  private async record(verdict: PushVerdict, batch: readonly OutboxEntry[]): Promise<void> {
    try {
      await applyPushVerdict(this.db, verdict, batch);
    } catch (error) {
      if (storageProblem(error)) {
        const byId = new Map(batch.map((entry) => [entry.id, entry]));
        for (const id of verdict.confirmed) this.confirmedUnwritten.set(id, byId.get(id)!);
      }
      throw error;
    }
  }

  /** Once there is space again, drops the remembered confirmed entries; until then nothing else is pushed. */
  private async writeRemembered(): Promise<void> {
    if (this.confirmedUnwritten.size === 0) return;
    const entries = [...this.confirmedUnwritten.values()];
    await applyPushVerdict(this.db, { confirmed: entries.map((entry) => entry.id), rejected: [], unanswered: [] }, entries);
    this.confirmedUnwritten.clear();
  }
}
