import { FakeServer } from './fake-server';
import { describeSyncContract } from './sync-contract-suite';

describeSyncContract('the fake server', async () => {
  const fake = new FakeServer();
  return {
    api: fake,
    memberId: fake.me.member_id,
    now: () => fake.serverTime,
    addBriefings: async (count, audience) => fake.addBriefings(count, audience).map((b) => b.id),
    editBriefing: async (id, text) => fake.edit(id, text),
    retractBriefing: async (id) => fake.remove(id),
    moveToAnotherStore: async () => fake.moveToAnotherStore(),
    closeAccount: async () => fake.closeAccount(),
  };
});
