/**
 * The phone's copy of the world, one IndexedDB database per user (its name
 * carries the user id, so a shared phone never shows one person's data to the
 * next). Holds the content synced down, the outbox of actions waiting to go up,
 * and the sync state. Every schema version stays listed here; db.test.ts opens
 * a database written by each earlier version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReviewItem } from '../domain/spaced-review';
import type {
  Ack,
  Briefing,
  ComposeDirectory,
  KudosWallEntry,
  Lesson,
  MemberProfile,
  MutationPayloads,
  MutationType,
  MyFeedbackItem,
  Pulse,
  StoreBoardItem,
  StoreRosterEntry,
  ValueCard,
} from './supabase/types';

/** Local-only marks on synced rows: what the phone did that the server has not confirmed yet. */
export type LocalState = 'pending' | 'rejected';

export type LocalBriefing = Briefing & { local_state?: LocalState };
export type LocalAck = Ack & { local_state?: LocalState };

export interface OutboxEntry<T extends MutationType = MutationType> {
  /** Insertion order: the outbox drains in this order. */
  seq?: number;
  /** Client-made mutation id, the server's idempotency key. */
  id: string;
  type: T;
  payload: MutationPayloads[T];
  created_at: string;
  state: 'waiting' | 'rejected';
  rejection?: { code: string; message: string };
}

export interface SyncMeta {
  key: 'sync';
  cursor: number;
  me: MemberProfile | null;
  last_synced_at: string | null;
  /** Set while the first sync on this phone runs: rows so far of the server's total. */
  first_sync: { done: number; total: number | null } | null;
  /** Server clock minus this phone's clock (ms), learned at the last pull: what is live is decided in server time. */
  clock_offset_ms?: number | null;
}

/** The last compose_directory answer (one row), so reach can be counted offline. */
export interface CachedComposeDirectory {
  key: 'directory';
  directory: ComposeDirectory;
  fetched_at: string;
}

/** A count the server keeps, as last fetched: the open feedback in a manager's or HR's inbox. */
export interface CachedCount {
  key: 'inbox_open';
  count: number;
  fetched_at: string;
}

/** Kudos on my store's wall, and those I gave or got; a kudos sent from this phone is 'pending' until synced. */
export type LocalKudos = KudosWallEntry & { local_state?: LocalState };

/** My named feedback with its replies; one sent from this phone is 'pending' until the server has it. */
export type LocalFeedback = MyFeedbackItem & { local_state?: LocalState };

/** A lesson half-way through: kept at every step, so closing the app loses nothing. */
export interface LessonProgress {
  lesson_id: string;
  lesson_version: number;
  /** Cards first, then questions: the position the person is at. */
  step: number;
  answers: Record<string, string[]>;
  started_at: string;
  updated_at: string;
}

/** A finished lesson attempt as this phone scored it (the server scores it again on sync). */
export interface LocalAttempt {
  /** The outbox entry's id. */
  id: string;
  lesson_id: string;
  lesson_version: number;
  percent: number;
  passed: boolean;
  completed_at: string;
}

export type FrontlineDb = Dexie & {
  briefings: EntityTable<LocalBriefing, 'id'>;
  valueCards: EntityTable<ValueCard, 'id'>;
  lessons: EntityTable<Lesson, 'id'>;
  pulses: EntityTable<Pulse, 'id'>;
  acks: EntityTable<LocalAck, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<SyncMeta, 'key'>;
  composeDirectory: EntityTable<CachedComposeDirectory, 'key'>;
  roster: EntityTable<StoreRosterEntry, 'member_id'>;
  kudos: EntityTable<LocalKudos, 'id'>;
  lessonProgress: EntityTable<LessonProgress, 'lesson_id'>;
  attempts: EntityTable<LocalAttempt, 'id'>;
  reviews: EntityTable<ReviewItem, 'key'>;
  myFeedback: EntityTable<LocalFeedback, 'id'>;
  board: EntityTable<StoreBoardItem, 'feedback_id'>;
  counts: EntityTable<CachedCount, 'key'>;
};

export const CONTENT_TABLES = ['briefings', 'valueCards', 'lessons', 'pulses', 'acks'] as const;

/** Schema versions, oldest first. Never edit a landed entry: append a new one. */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  {
    version: 1,
    stores: {
      briefings: 'id, publish_at',
      valueCards: 'id, position',
      lessons: 'id',
      pulses: 'id',
      acks: 'id, briefing_id',
      outbox: '++seq, &id, state',
      meta: 'key',
    },
  },
  {
    // Managers and HR: the compose directory, for counting a briefing's reach offline.
    version: 2,
    stores: { composeDirectory: 'key' },
  },
  {
    // Values, learning and voice: the store roster and kudos wall, lesson progress,
    // attempts and spaced review (this phone only), my feedback and the store's board.
    version: 3,
    stores: {
      roster: 'member_id, display_name',
      kudos: 'id, created_at',
      lessonProgress: 'lesson_id',
      attempts: 'id, lesson_id',
      reviews: 'key, due_at',
      myFeedback: 'id, created_at',
      board: 'feedback_id',
    },
  },
  {
    // Counts shown on the tab bar that only the server knows (a manager's open inbox), as last fetched.
    version: 4,
    stores: { counts: 'key' },
  },
];

export function databaseName(userId: string): string {
  return `frontline-${userId}`;
}

export function openDatabase(userId: string, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }): FrontlineDb {
  const db = new Dexie(databaseName(userId), options) as FrontlineDb;
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db;
}

export const EMPTY_META: SyncMeta = { key: 'sync', cursor: 0, me: null, last_synced_at: null, first_sync: null };

export async function readMeta(db: FrontlineDb): Promise<SyncMeta> {
  return (await db.meta.get('sync')) ?? EMPTY_META;
}
