import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { Document, ReadStore, ReadStoreHistory } from '../../../src/readstore/readStore';

type Member = Document & { branch: string; name: string };

const at = (n: number): string => n.toString(16).padStart(32, '0');

function historyOf(store: EmbeddedReadStore): ReadStoreHistory {
  const history = store.history;
  if (history === undefined) throw new Error('the store keeps no history');
  return history;
}

function forkAt(store: EmbeddedReadStore, position: number): ReadStore {
  const fork = historyOf(store).forkAt(at(position));
  if (fork === undefined) throw new Error(`no mark at or before ${position}`);
  return fork.store;
}

const names = async (store: ReadStore, filter: Record<string, unknown> = {}): Promise<string[]> =>
  (await store.collection<Member>('members').find(filter, { sort: { _id: 1 } })).map((member) => `${member._id}:${member.branch}`);

describe('the embedded read store past (knownAt forks)', () => {
  // Given members written over three epochs, marked at positions 10, 20 and 30.
  async function storeWithPast(): Promise<EmbeddedReadStore> {
    const store = new EmbeddedReadStore();
    const members = store.collection<Member>('members');
    await members.createIndex({ keys: { branch: 1 } });
    await members.insertOne({ _id: 'm1', branch: 'B1', name: 'a' });
    await members.insertOne({ _id: 'm2', branch: 'B1', name: 'b' });
    historyOf(store).mark(at(10));
    await members.updateOne({ _id: 'm1' }, { $set: { branch: 'B2' } });
    await members.updateOne({ _id: 'm1' }, { $set: { name: 'a2' } });
    await members.insertOne({ _id: 'm3', branch: 'B1', name: 'c' });
    historyOf(store).mark(at(20));
    await members.deleteMany({ _id: 'm2' });
    await members.updateOne({ _id: 'm3' }, { $set: { branch: 'B2' } });
    historyOf(store).mark(at(30));
    await members.insertOne({ _id: 'm4', branch: 'B1', name: 'd' });
    return store;
  }

  it('shows each mark as it stood, whatever was written since, by index and by scan', async () => {
    const store = await storeWithPast();
    expect(await names(forkAt(store, 10))).toEqual(['m1:B1', 'm2:B1']);
    expect(await names(forkAt(store, 15))).toEqual(['m1:B1', 'm2:B1']);
    expect(await names(forkAt(store, 20))).toEqual(['m1:B2', 'm2:B1', 'm3:B1']);
    expect(await names(forkAt(store, 30))).toEqual(['m1:B2', 'm3:B2']);
    expect(await names(store)).toEqual(['m1:B2', 'm3:B2', 'm4:B1']);
    // Through the index: past keys are still found, present keys are not found in the past.
    expect(await names(forkAt(store, 10), { branch: 'B1' })).toEqual(['m1:B1', 'm2:B1']);
    expect(await names(forkAt(store, 10), { branch: 'B2' })).toEqual([]);
    expect(await names(forkAt(store, 20), { branch: { $in: ['B1'] } })).toEqual(['m2:B1', 'm3:B1']);
    expect(await forkAt(store, 20).collection('members').countDocuments({ branch: 'B2' })).toBe(1);
    expect(await forkAt(store, 20).collection<Member>('members').findOne({ _id: 'm1' })).toEqual({ _id: 'm1', branch: 'B2', name: 'a2' });
    expect(await forkAt(store, 30).collection('members').findOne({ _id: 'm2' })).toBeNull();
    // One version per document and epoch it changed in, not one per write.
    expect(historyOf(store).versionCount()).toBe(5);
  });

  it('has no state before its first mark', async () => {
    const store = await storeWithPast();
    expect(historyOf(store).forkAt(at(9))).toBeUndefined();
    expect(historyOf(store).forkAt(at(10))?.at).toBe(at(10));
    expect(historyOf(store).forkAt(at(29))?.at).toBe(at(20));
  });

  it('keeps a fork’s writes in the fork, and the live store’s later writes out of it', async () => {
    const store = await storeWithPast();
    const fork = forkAt(store, 20);
    const forked = fork.collection<Member>('members');
    await forked.updateOne({ _id: 'm2' }, { $set: { branch: 'B3' } });
    await forked.insertOne({ _id: 'm5', branch: 'B3', name: 'e' });
    await forked.deleteMany({ _id: 'm3' });
    await expect(forked.insertOne({ _id: 'm1', branch: 'B1', name: 'again' })).rejects.toThrow(/Duplicate key/);
    await store.collection<Member>('members').updateOne({ _id: 'm1' }, { $set: { branch: 'B9' } });
    expect(await names(fork)).toEqual(['m1:B2', 'm2:B3', 'm5:B3']);
    expect(await names(fork, { branch: 'B3' })).toEqual(['m2:B3', 'm5:B3']);
    expect(await names(store)).toEqual(['m1:B9', 'm3:B2', 'm4:B1']);
    expect(await names(forkAt(store, 20))).toEqual(['m1:B2', 'm2:B1', 'm3:B1']);
  });

  it('forgets its past when a collection is dropped or the store adopts a rebuilt one', async () => {
    const dropped = await storeWithPast();
    const before = historyOf(dropped).generation;
    await dropped.collection('other').drop();
    expect(historyOf(dropped).forkAt(at(30))).toBeUndefined();
    expect(historyOf(dropped).generation).not.toBe(before);
    expect(historyOf(dropped).versionCount()).toBe(0);

    const adopting = await storeWithPast();
    const scratch = (await adopting.createScratch()) as EmbeddedReadStore;
    await scratch.collection<Member>('members').insertOne({ _id: 'r1', branch: 'B1', name: 'r' });
    historyOf(scratch).mark(at(40));
    await scratch.collection<Member>('members').insertOne({ _id: 'r2', branch: 'B1', name: 'r' });
    await adopting.adopt(scratch);
    expect(historyOf(adopting).forkAt(at(30))).toBeUndefined();
    expect(await names(forkAt(adopting, 45))).toEqual(['r1:B1']);
    expect(await names(adopting)).toEqual(['r1:B1', 'r2:B1']);
  });

  // Given A and B in X, B renamed at epoch 3, A moved to Z at epoch 7, B moved to Y at epoch 9: A's versions are first in the store's past, B's first to end.
  async function storeWithCrossedVersions(indexFirst: boolean): Promise<EmbeddedReadStore> {
    const store = new EmbeddedReadStore();
    const members = store.collection<Member>('members');
    if (indexFirst) await members.createIndex({ keys: { branch: 1 } });
    const writes: Record<number, () => Promise<unknown>> = {
      0: () => members.insertOne({ _id: 'B', branch: 'X', name: 'b' }),
      1: () => members.insertOne({ _id: 'A', branch: 'X', name: 'a' }),
      3: () => members.updateOne({ _id: 'B' }, { $set: { name: 'b2' } }),
      7: () => members.updateOne({ _id: 'A' }, { $set: { branch: 'Z' } }),
      9: () => members.updateOne({ _id: 'B' }, { $set: { branch: 'Y' } }),
    };
    for (let epoch = 0; epoch <= 10; epoch++) {
      await writes[epoch]?.();
      historyOf(store).mark(at(10 * (epoch + 1)));
    }
    if (!indexFirst) await members.createIndex({ keys: { branch: 1 } });
    return store;
  }

  it('finds past versions through an index made after them, and after its marks were thinned', async () => {
    const late = await storeWithCrossedVersions(false);
    expect(await names(forkAt(late, 50), { branch: 'X' })).toEqual(['A:X', 'B:X']);

    const thinned = await storeWithCrossedVersions(true);
    const pinned = forkAt(thinned, 50);
    historyOf(thinned).mark(at(200), 3);
    expect(historyOf(thinned).markCount).toBeLessThan(12);
    expect(await names(pinned, { branch: 'X' })).toEqual(['A:X', 'B:X']);
    expect(await names(pinned)).toEqual(['A:X', 'B:X']);
    expect(await names(forkAt(thinned, 200), { branch: 'X' })).toEqual([]);
  });

  it('records nothing until it is first marked, and nothing when asked to keep no past', async () => {
    const unmarked = new EmbeddedReadStore();
    await unmarked.collection('members').insertOne({ _id: 'm1', branch: 'B1', name: 'a' });
    await unmarked.collection('members').updateOne({ _id: 'm1' }, { $set: { branch: 'B2' } });
    expect(historyOf(unmarked).versionCount()).toBe(0);
    expect(new EmbeddedReadStore({ history: false }).history).toBeUndefined();
  });
});
