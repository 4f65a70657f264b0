import type { ReadStoreFixture } from './readStoreKit';
import { idsOf, uniqueCollectionName } from './readStoreKit';

/** Rebuilding beside the live store, then swapping: what the projector does after a retraction. */
export function describeRebuildContract(fixture: ReadStoreFixture): void {
  describe('checkpoints per projection', () => {
    it('one bulk write upserts replacements by id, new and stored alike, and deletes by id; find by ids reads them back', async () => {
      const checkpoints = fixture.collection();
      await checkpoints.insertOne({ _id: 'projector', position: '01' });
      await checkpoints.insertOne({ _id: 'units', position: '01' });
      await checkpoints.bulkWrite([
        { replaceOne: { filter: { _id: 'units' }, replacement: { _id: 'units', position: '02' }, upsert: true } },
        { replaceOne: { filter: { _id: 'awards' }, replacement: { _id: 'awards', position: '02' }, upsert: true } },
        { deleteOne: { filter: { _id: 'projector' } } },
      ]);
      expect(await checkpoints.find({ _id: { $in: ['units', 'awards', 'projector', 'dues'] } }, { sort: { _id: 1 } })).toEqual([
        { _id: 'awards', position: '02' },
        { _id: 'units', position: '02' },
      ]);
    });
  });

  describe('scratch store and adopt', () => {
    it('a scratch store starts empty and does not touch the live one until adopted', async () => {
      const live = fixture.collection();
      await live.insertOne({ _id: 'old', n: 1 });
      const scratch = await fixture.store().createScratch();
      expect(await scratch.listCollections()).toEqual([]);
      await scratch.collection(live.name).insertOne({ _id: 'new', n: 2 });
      expect(idsOf(await live.find({}))).toEqual(['old']);
    });

    it('adopt swaps in the scratch contents and indexes, drops what the scratch lacks, and old handles see the new contents', async () => {
      const kept = fixture.collection();
      const dropped = fixture.collection();
      await kept.insertOne({ _id: 'old', email: 'a@x' });
      await dropped.insertOne({ _id: 'gone' });
      const scratch = await fixture.store().createScratch();
      const rebuilt = scratch.collection(kept.name);
      await rebuilt.createIndex({ keys: { email: 1 }, unique: true });
      await rebuilt.insertOne({ _id: 'new', email: 'b@x' });
      const added = uniqueCollectionName();
      await scratch.collection(added).insertOne({ _id: 'fresh' });

      await fixture.store().adopt(scratch);

      expect(idsOf(await kept.find({}))).toEqual(['new']);
      expect(await dropped.countDocuments()).toBe(0);
      expect(idsOf(await fixture.store().collection(added).find({}))).toEqual(['fresh']);
      const names = await fixture.store().listCollections();
      expect(names).toEqual(expect.arrayContaining([kept.name, added]));
      expect(names).not.toContain(dropped.name);
      await expect(kept.insertOne({ _id: 'dup', email: 'b@x' })).rejects.toThrow();
      expect(await scratch.listCollections()).toEqual([]);
    });

    it('adopt leaves the store’s bookkeeping (a leading _) as it is: not dropped though the scratch store lacks it', async () => {
      const bookkeeping = `_${uniqueCollectionName()}`;
      const kept = fixture.store().collection(bookkeeping);
      await kept.insertOne({ _id: 'lease', token: 7 });
      const readModel = fixture.collection();
      await readModel.insertOne({ _id: 'old' });
      const scratch = await fixture.store().createScratch();
      await scratch.collection(readModel.name).insertOne({ _id: 'new' });

      await fixture.store().adopt(scratch);

      expect(await kept.find({})).toEqual([{ _id: 'lease', token: 7 }]);
      expect(idsOf(await readModel.find({}))).toEqual(['new']);
      await kept.updateOne({ _id: 'lease' }, { $inc: { token: 1 } });
      expect(await fixture.store().collection(bookkeeping).findOne({ _id: 'lease' })).toEqual({ _id: 'lease', token: 8 });
    });
  });
}
