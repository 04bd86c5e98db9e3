/**
 * What culture.test.ts expects, worked out in TypeScript from what the test
 * itself created (people, kudos, lessons, attempts), so no report number is
 * typed in by hand: the SQL and this model must agree.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { callRpc, type RpcOutcome } from '../../../src/data/supabase/rpc';
import type { KudosReport, KudosWallEntry, Mutation, QuizQuestion, RpcArgs, RpcName, RpcResult, TrainingReport } from '../../../src/data/supabase/types';
import { scoreQuiz } from '../../../src/domain/quiz';
import { mutation, push, type TestMember } from './fixtures';

export type Role = 'staff' | 'manager' | 'hr' | 'admin';

export interface Person {
  member: TestMember;
  name: string;
  store: string | null;
  department: string | null;
  role: Role;
  active: boolean;
}

export interface Store {
  id: string;
  name: string;
}

export interface SentKudos {
  id: string;
  from: Person;
  to: Person;
  valueId: string | null;
  createdAt: string;
}

export interface Audience {
  store_ids: string[];
  department_ids: string[];
  roles: Role[];
}

export interface AuthoredLesson extends Audience {
  id: string;
  title: string;
  archived: boolean;
  versions: Map<number, { quiz: QuizQuestion[]; passMark: number }>;
}

export interface Attempt {
  person: Person;
  lessonId: string;
  version: number;
  score: number;
  passed: boolean;
}

/** The data of a successful call, or the test fails with the error. */
export async function rpc<N extends RpcName>(client: SupabaseClient, name: N, args: RpcArgs[N]): Promise<RpcResult<N>> {
  const outcome = await callRpc(client, name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

/** [HTTP status, detail code] of a refused call; null when it succeeded. */
export function refusal(outcome: RpcOutcome<unknown>): [number, string | null] | null {
  if (outcome.ok) return null;
  const error = outcome.error;
  return error.kind === 'http' ? [error.status, error.details] : [0, error.message];
}

export async function expectRefused<N extends RpcName>(client: SupabaseClient, name: N, args: RpcArgs[N], status: number, detail: string): Promise<void> {
  expect(refusal(await callRpc(client, name, args)), `${name} ${JSON.stringify(args).slice(0, 160)}`).toEqual([status, detail]);
}

export function inAudience(a: Audience, p: Person): boolean {
  return (
    (a.store_ids.length === 0 || (p.store !== null && a.store_ids.includes(p.store))) &&
    (a.department_ids.length === 0 || (p.department !== null && a.department_ids.includes(p.department))) &&
    (a.roles.length === 0 || a.roles.includes(p.role))
  );
}

/** Pushes a kudos sent `daysAgo` days ago by the giver's phone and records it. */
export async function sendKudos(from: Person, to: Person, valueId: string | null, daysAgo: number, log: SentKudos[]): Promise<SentKudos> {
  const createdAt = new Date(Date.now() - daysAgo * 86_400_000 - log.length * 60_000).toISOString();
  const m = {
    ...mutation('kudos', { to_member_id: to.member.memberId, value_card_id: valueId, message: `Thanks, ${to.name} (${log.length})` }),
    created_at: createdAt,
  };
  const [result] = await push(from.member.client, [m]);
  expect(result?.status, `kudos ${from.name} -> ${to.name}`).toBe('applied');
  const sent = { id: m.id, from, to, valueId, createdAt };
  log.push(sent);
  return sent;
}

/** What store_kudos should show `me`: their store's wall and what they gave or got, newest first. */
export function expectedWall(me: Person, log: SentKudos[], limit = 100): string[] {
  return log
    .filter((k) => (me.store !== null && k.to.store === me.store) || k.from === me || k.to === me)
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt) || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((k) => k.id);
}

export function wallIds(wall: KudosWallEntry[]): string[] {
  return wall.map((k) => k.id);
}

/** kudos_report's by_store for the given stores, values as sorted (id, count) pairs. */
export function expectedKudosReport(
  stores: Store[],
  log: SentKudos[],
  days: number,
): { store_id: string; store_name: string; total: number; counts: [string | null, number][] }[] {
  const since = Date.now() - days * 86_400_000;
  return [...stores]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const mine = log.filter((k) => k.to.store === s.id && Date.parse(k.createdAt) >= since);
      const counts = new Map<string | null, number>();
      for (const k of mine) counts.set(k.valueId, (counts.get(k.valueId) ?? 0) + 1);
      return { store_id: s.id, store_name: s.name, total: mine.length, counts: sortedCounts([...counts]) };
    });
}

export function reportCounts(report: KudosReport): { store_id: string; store_name: string; total: number; counts: [string | null, number][] }[] {
  return report.by_store.map((s) => ({
    store_id: s.store_id,
    store_name: s.store_name,
    total: s.total,
    counts: sortedCounts(s.by_value.map((v) => [v.value_card_id, v.count] as [string | null, number])),
  }));
}

function sortedCounts(pairs: [string | null, number][]): [string | null, number][] {
  return pairs.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** Pushes an attempt at one version with these answers; the expected score comes from the phone's scorer. */
export async function attempt(person: Person, lesson: AuthoredLesson, version: number, answers: Record<string, string[]>, log: Attempt[]): Promise<Attempt> {
  const content = lesson.versions.get(version);
  if (!content) throw new Error(`no version ${version} of ${lesson.title}`);
  const now = new Date().toISOString();
  const m: Mutation = mutation('lesson_attempt', { lesson_id: lesson.id, lesson_version: version, answers, started_at: now, completed_at: now }, randomUUID());
  const [result] = await push(person.member.client, [m]);
  expect(result?.status, `attempt by ${person.name}`).toBe('applied');
  const score = scoreQuiz(content.quiz, answers, content.passMark);
  const made = { person, lessonId: lesson.id, version, score: score.percent, passed: score.passed };
  log.push(made);
  return made;
}

/** training_report as the model says a viewer managing `scope` should see it. */
export function expectedTraining(scope: Store[], people: Person[], lessons: AuthoredLesson[], attempts: Attempt[]): TrainingReport['lessons'] {
  const scopeIds = new Set(scope.map((s) => s.id));
  const current = (l: AuthoredLesson) => Math.max(...l.versions.keys());
  return lessons
    .filter((l) => !l.archived && (l.store_ids.length === 0 || l.store_ids.some((id) => scopeIds.has(id))))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((l) => ({
      lesson_id: l.id,
      title: l.title,
      version: current(l),
      pass_mark: l.versions.get(current(l))!.passMark,
      by_store: [...scope]
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((s) => {
          const audience = people.filter((p) => p.active && p.store === s.id && inAudience(l, p));
          if (audience.length === 0) return [];
          const best = audience.flatMap((p) => {
            const mine = attempts.filter((a) => a.person === p && a.lessonId === l.id);
            return mine.length ? [{ best: Math.max(...mine.map((a) => a.score)), passed: mine.some((a) => a.passed) }] : [];
          });
          const mean = best.length ? best.reduce((n, b) => n + b.best, 0) / best.length : null;
          return [
            {
              store_id: s.id,
              store_name: s.name,
              audience: audience.length,
              completed: best.length,
              passed: best.filter((b) => b.passed).length,
              average_score: mean === null ? null : Math.round(mean * 10) / 10,
            },
          ];
        }),
    }));
}
