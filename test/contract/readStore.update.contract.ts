import { withDocument, type ReadStoreFixture } from './readStoreKit';

export function describeUpdateContract(fixture: ReadStoreFixture): void {
  describe('updateOne operators', () => {
    it('$set (nested too), $unset and $inc (starting a missing field at 0)', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', name: 'A', n: 1, nested: { x: 1 } });
      const result = await collection.updateOne({ _id: 'u1' }, { $set: { name: 'B', 'nested.y': 2 }, $unset: { 'nested.x': '' }, $inc: { n: 2, fresh: 5 } });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', name: 'B', n: 3, nested: { y: 2 }, fresh: 5 });
    });

    it('$push appends, with $each several; $pull removes every equal or matching element', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', tags: ['a', 'b', 'a'], scores: [1, 5, 9] });
      await collection.updateOne({ _id: 'u1' }, { $push: { tags: 'c' } });
      await collection.updateOne({ _id: 'u1' }, { $push: { tags: { $each: ['d', 'e'] }, fresh: 1 } });
      await collection.updateOne({ _id: 'u1' }, { $pull: { tags: 'a', scores: { $gte: 5 } } });
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', tags: ['b', 'c', 'd', 'e'], scores: [1], fresh: [1] });
    });

    it('$addToSet adds only a missing element, else modifies nothing', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', tags: ['a'] });
      expect(await collection.updateOne({ _id: 'u1' }, { $addToSet: { tags: 'a' } })).toEqual({
        matchedCount: 1,
        modifiedCount: 0,
        upsertedCount: 0,
      });
      await collection.updateOne({ _id: 'u1' }, { $addToSet: { tags: 'b' } });
      expect((await collection.findOne({ _id: 'u1' }))?.tags).toEqual(['a', 'b']);
    });

    it('$max and $min change a field only past the current value', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', best: 5, worst: 5 });
      expect((await collection.updateOne({ _id: 'u1' }, { $max: { best: 3 }, $min: { worst: 7 } })).modifiedCount).toBe(0);
      expect((await collection.updateOne({ _id: 'u1' }, { $max: { best: 9 }, $min: { worst: 2, seen: 4 } })).modifiedCount).toBe(1);
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', best: 9, worst: 2, seen: 4 });
    });

    it('the positional $ updates the array element the filter matched', async () => {
      const collection = await withDocument(fixture, {
        _id: 'o',
        items: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 1 },
        ],
      });
      await collection.updateOne({ _id: 'o', 'items.sku': 'b' }, { $inc: { 'items.$.qty': 4 } });
      expect((await collection.findOne({ _id: 'o' }))?.items).toEqual([
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 5 },
      ]);
    });

    it('two operators on the same path are refused and change nothing', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', n: 1 });
      await expect(collection.updateOne({ _id: 'u1' }, { $set: { n: 5 }, $inc: { n: 1 } })).rejects.toThrow();
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', n: 1 });
    });

    it('a $set to the current value matches without modifying', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', name: 'A' });
      expect(await collection.updateOne({ _id: 'u1' }, { $set: { name: 'A' } })).toEqual({
        matchedCount: 1,
        modifiedCount: 0,
        upsertedCount: 0,
      });
    });

    it('updates one document only, even when several match; none when none match', async () => {
      const collection = await withDocument(fixture, { _id: 'u1', kind: 'k' });
      await collection.insertOne({ _id: 'u2', kind: 'k' });
      expect((await collection.updateOne({ kind: 'k' }, { $set: { seen: true } })).modifiedCount).toBe(1);
      expect(await collection.countDocuments({ seen: true })).toBe(1);
      expect(await collection.updateOne({ kind: 'other' }, { $set: { seen: true } })).toEqual({
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 0,
      });
      expect(await collection.countDocuments()).toBe(2);
    });
  });

  describe('upsert', () => {
    it('inserts a document seeded by the equality fields of the filter, applying $setOnInsert', async () => {
      const collection = fixture.collection();
      const result = await collection.updateOne(
        { _id: 'x', kind: 'k', 'meta.source': 's', age: { $gt: 5 } },
        { $set: { v: 1 }, $setOnInsert: { created: 'first' } },
        { upsert: true },
      );
      expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: 'x' });
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', kind: 'k', meta: { source: 's' }, v: 1, created: 'first' });
    });

    it('updates a matching document and ignores $setOnInsert', async () => {
      const collection = fixture.collection();
      const upsert = { $set: { v: 1 }, $setOnInsert: { created: 'first' } };
      await collection.updateOne({ _id: 'x' }, upsert, { upsert: true });
      const second = await collection.updateOne({ _id: 'x' }, { $set: { v: 2 }, $setOnInsert: { created: 'second' } }, { upsert: true });
      expect(second).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', v: 2, created: 'first' });
    });

    it('gives a new document a string _id when the filter names none', async () => {
      const collection = fixture.collection();
      const result = await collection.updateOne({ name: 'z' }, { $inc: { n: 1 } }, { upsert: true });
      expect(result.upsertedCount).toBe(1);
      expect(typeof result.upsertedId).toBe('string');
      expect(await collection.findOne({ _id: result.upsertedId })).toEqual({ _id: result.upsertedId, name: 'z', n: 1 });
    });

    it('updateMany upserts one document when nothing matches', async () => {
      const collection = fixture.collection();
      const result = await collection.updateMany({ _id: 'm' }, { $set: { v: 1 } }, { upsert: true });
      expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: 'm' });
      expect(await collection.countDocuments()).toBe(1);
    });
  });
}
