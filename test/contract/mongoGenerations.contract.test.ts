import { MongoClient } from 'mongodb';
import { GenerationSwitchConflict, MongoReadStore } from '../../src/readstore/mongodb/mongoReadStore';
import { uniqueCollectionName } from './readStoreKit';

const url = process.env.MONGODB_URL;

/** Rebuilds on MongoDB: generations of collections switched by one pointer, seen alike by every instance. */
if (url) {
  describe('MongoReadStore generations', () => {
    const dbName = `orgtrack_generations_${uniqueCollectionName()}`;
    const opened: MongoReadStore[] = [];
    const open = async (): Promise<MongoReadStore> => {
      const store = await MongoReadStore.connect(url, dbName);
      opened.push(store);
      return store;
    };
    const physicalNames = async (): Promise<string[]> => {
      const client = await MongoClient.connect(url);
      try {
        return (await client.db(dbName).listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name).sort();
      } finally {
        await client.close();
      }
    };
    afterAll(async () => {
      await opened[0]?.dropDatabase();
      await Promise.all(opened.map((store) => store.close()));
    });

    it('a rebuild on one instance is seen whole by another within seconds: both collections and the checkpoint at once', async () => {
      const a = await open();
      const b = await open();
      await a.collection('units').insertOne({ _id: 'u', v: 1 });
      await a.collection('checkpoints').insertOne({ _id: 'units', position: '01' });
      const scratch = await a.createScratch();
      await scratch.collection('units').insertOne({ _id: 'u', v: 2 });
      await scratch.collection('checkpoints').insertOne({ _id: 'units', position: '02' });
      expect(await b.collection('units').findOne({ _id: 'u' })).toEqual({ _id: 'u', v: 1 });
      await a.adopt(scratch);
      expect(await a.collection('units').findOne({ _id: 'u' })).toEqual({ _id: 'u', v: 2 });
      const deadline = Date.now() + 5_000;
      while (b.currentGeneration !== a.currentGeneration && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(b.currentGeneration).toBe(a.currentGeneration);
      expect([await b.collection('units').findOne({ _id: 'u' }), await b.collection('checkpoints').findOne({ _id: 'units' })]).toEqual([
        { _id: 'u', v: 2 },
        { _id: 'units', position: '02' },
      ]);
    });

    it('a rebuild killed before its switch leaves the read models in use whole; the next rebuild drops what it left', async () => {
      const a = await open();
      const before = await a.collection('units').find({});
      const abandoned = await a.createScratch();
      await abandoned.collection('units').insertOne({ _id: 'half-built' });
      // The process dies here: a new one connects.
      const restarted = await open();
      expect(await restarted.collection('units').find({})).toEqual(before);
      const next = await restarted.createScratch();
      expect((await physicalNames()).filter((name) => name.endsWith('.units'))).toEqual([`${restarted.currentGeneration}.units`]);
      await next.close();
    });

    it('two rebuilds from the same generation: the first switch wins, the second is refused and changes nothing', async () => {
      const a = await open();
      const b = await open();
      const fromA = await a.createScratch();
      const fromB = await b.createScratch();
      await fromA.collection('units').insertOne({ _id: 'from-a' });
      await fromB.collection('units').insertOne({ _id: 'from-b' });
      const outcomes = await Promise.allSettled([a.adopt(fromA), b.adopt(fromB)]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason instanceof GenerationSwitchConflict).toBe(true);
      const winner = outcomes[0].status === 'fulfilled' ? 'from-a' : 'from-b';
      const fresh = await open();
      expect(await fresh.collection('units').find({})).toEqual([{ _id: winner }]);
    });
  });
} else {
  describe.skip('MongoReadStore generations (MONGODB_URL is not set)', () => {
    it.skip('runs against MongoDB when MONGODB_URL is set', () => undefined);
  });
}
