import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { commandContext, signIn } from '../testing/command-context';
import { answerPulse, sendFeedback } from './commands';

const t = commandContext();

it('answering a pulse marks it answered on this phone at once', async () => {
  await signIn(t.db());
  const pulseId = crypto.randomUUID();
  expect((await answerPulse(t.ctx(), { pulse_id: pulseId, score: 9 })).ok).toBe(true);
  expect((await t.db().meta.get('sync'))?.me?.answered_pulse_ids).toEqual([pulseId]);
});

it('named feedback shows in my feedback at once; anonymous feedback leaves no copy but its outbox entry', async () => {
  const named = await sendFeedback(t.ctx(), { kind: 'suggestion', recipient: 'store', body: 'More tills at noon', anonymous: false });
  const anonymous = await sendFeedback(t.ctx(), { kind: 'concern', recipient: 'store', body: 'The back door sticks', anonymous: true });
  if (!named.ok || !anonymous.ok) throw new Error('setup');
  expect(await t.db().myFeedback.get(named.id)).toMatchObject({ body: 'More tills at noon', status: 'open', local_state: 'pending' });
  expect(await t.db().myFeedback.get(anonymous.id)).toBeUndefined();
  expect(await t.db().myFeedback.count()).toBe(1);
  expect(await t.db().outbox.count()).toBe(2);
});
