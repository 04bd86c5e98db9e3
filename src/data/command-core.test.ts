import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../domain/limits';
import { acknowledgeBriefing } from './briefings/commands';
import { saveBriefing } from './compose/commands';
import { commandContext } from './testing/command-context';
import { giveKudos } from './values/commands';
import { answerPulse, sendFeedback } from './voice/commands';

const t = commandContext();
const briefing = { id: 'b0000000-0000-4000-8000-000000000001', version: 3, content_hash: 'f'.repeat(64) };

describe('what every command guarantees', () => {
  it('invalid input writes nothing and says why as a code, never in words', async () => {
    const results = [
      await sendFeedback(t.ctx(), { kind: 'praise', recipient: 'store', body: '   ', anonymous: false }),
      await sendFeedback(t.ctx(), { kind: 'praise', recipient: 'store', body: 'x'.repeat(LIMITS.feedbackBody + 1), anonymous: false }),
      await giveKudos(t.ctx(), { to_member_id: crypto.randomUUID(), message: 'x'.repeat(LIMITS.kudosMessage + 1) }),
      await giveKudos(t.ctx(), { to_member_id: 'not-a-uuid', message: 'hi' }),
      await saveBriefing(t.ctx(), { action: 'publish', briefing_id: crypto.randomUUID(), title: '', body: 'x' }),
      await saveBriefing(t.ctx(), { action: 'publish', briefing_id: crypto.randomUUID(), title: 'x'.repeat(LIMITS.briefingTitle + 1), body: 'x' }),
      await answerPulse(t.ctx(), { pulse_id: crypto.randomUUID(), score: 7, comment: 'x'.repeat(LIMITS.pulseComment + 1) }),
    ];
    expect(results).toEqual([
      { ok: false, reason: 'invalid', problem: 'body_required' },
      { ok: false, reason: 'invalid', problem: 'body_too_long' },
      { ok: false, reason: 'invalid', problem: 'message_too_long' },
      { ok: false, reason: 'invalid', problem: 'malformed' },
      { ok: false, reason: 'invalid', problem: 'title_required' },
      { ok: false, reason: 'invalid', problem: 'title_too_long' },
      { ok: false, reason: 'invalid', problem: 'comment_too_long' },
    ]);
    expect(await t.db().outbox.count()).toBe(0);
    expect(t.writes()).toBe(0);
  });

  it('takes text right up to each limit', async () => {
    const results = [
      await sendFeedback(t.ctx(), { kind: 'praise', recipient: 'store', body: 'x'.repeat(LIMITS.feedbackBody), anonymous: true }),
      await giveKudos(t.ctx(), { to_member_id: crypto.randomUUID(), message: 'x'.repeat(LIMITS.kudosMessage) }),
      await saveBriefing(t.ctx(), {
        action: 'publish',
        briefing_id: crypto.randomUUID(),
        title: 'x'.repeat(LIMITS.briefingTitle),
        body: 'y'.repeat(LIMITS.briefingBody),
      }),
      await answerPulse(t.ctx(), { pulse_id: crypto.randomUUID(), score: 7, comment: 'x'.repeat(LIMITS.pulseComment) }),
    ];
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
  });

  it('a full disk comes back as a value, and nothing half-written stays', async () => {
    t.db().outbox.hook('creating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const result = await acknowledgeBriefing(t.ctx(), briefing);
    expect(result).toEqual({ ok: false, reason: 'storage_full' });
    expect(await t.db().acks.count()).toBe(0);
  });
});

describe('free text is cleaned at the command', () => {
  const dirty = 'Great\u0000 job\u0007 on\r\nthe\tfloor \uD800 Cafe\u0301';
  const clean = 'Great job on\nthe\tfloor \uFFFD Café';

  it('kudos, feedback, pulse comments and briefings lose control characters but tab and newline, and are normalised', async () => {
    await giveKudos(t.ctx(), { to_member_id: crypto.randomUUID(), message: dirty });
    await sendFeedback(t.ctx(), { kind: 'praise', recipient: 'store', body: dirty, anonymous: false });
    await answerPulse(t.ctx(), { pulse_id: crypto.randomUUID(), score: 4, comment: dirty });
    await saveBriefing(t.ctx(), { action: 'publish', briefing_id: crypto.randomUUID(), title: `Fire\u0000 exits`, body: dirty });
    const payloads = (await t.db().outbox.toArray()).map((e) => e.payload as Record<string, unknown>);
    expect(payloads.map((p) => p.message ?? p.body ?? p.comment)).toEqual([clean, clean, clean, clean]);
    expect(payloads[3]!.title).toBe('Fire exits');
    expect((await t.db().kudos.toArray()).map((k) => k.message)).toEqual([]);
    expect((await t.db().myFeedback.toArray()).map((f) => f.body)).toEqual([clean]);
  });
});
