import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { commandContext, signIn } from '../testing/command-context';
import { giveKudos } from './commands';

const t = commandContext();

it('kudos shows on the wall at once, with the names this phone knows, under the id the server will keep', async () => {
  const me = await signIn(t.db(), { display_name: 'Alex Kim' });
  const sam = crypto.randomUUID();
  await t.db().roster.put({ member_id: sam, display_name: 'Sam Patel', department_id: null, department_name: null });
  const result = await giveKudos(t.ctx(), { to_member_id: sam, message: '  Thanks for covering checkout!  ' });
  if (!result.ok) throw new Error(result.reason);
  expect(await t.db().kudos.get(result.id)).toMatchObject({
    from_member_id: me.member_id,
    from_name: 'Alex Kim',
    to_name: 'Sam Patel',
    message: 'Thanks for covering checkout!',
    local_state: 'pending',
  });
  expect((await t.db().outbox.toArray())[0]).toMatchObject({ id: result.id, type: 'kudos' });
});
