import { DuplicateKeyError } from '../../src/readstore/readStore';
import { idsOf, type ReadStoreFixture } from './readStoreKit';

export function describeWriteContract(fixture: ReadStoreFixture): void {
  const withDocument = async (document: Record<string, unknown> & { _id: string }) => {
    const collection = fixture.collection();
    await collection.insertOne(document);
    return collection;
  };

  describe('updateOne operators', () => {
    it('$set (nested too), $unset and $inc (starting a missing field at 0)', async () => {
      const collection = await withDocument({ _id: 'u1', name: 'A', n: 1, nested: { x: 1 } });
      const result = await collection.updateOne(
        { _id: 'u1' },
        { $set: { name: 'B', 'nested.y': 2 }, $unset: { 'nested.x': '' }, $inc: { n: 2, fresh: 5 } },
      );
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', name: 'B', n: 3, nested: { y: 2 }, fresh: 5 });
    });

    it('$push appends, with $each several; $pull removes every equal or matching element', async () => {
      const collection = await withDocument({ _id: 'u1', tags: ['a', 'b', 'a'], scores: [1, 5, 9] });
      await collection.updateOne({ _id: 'u1' }, { $push: { tags: 'c' } });
      await collection.updateOne({ _id: 'u1' }, { $push: { tags: { $each: ['d', 'e'] }, fresh: 1 } });
      await collection.updateOne({ _id: 'u1' }, { $pull: { tags: 'a', scores: { $gte: 5 } } });
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', tags: ['b', 'c', 'd', 'e'], scores: [1], fresh: [1] });
    });

    it('$addToSet adds only a missing element, else modifies nothing', async () => {
      const collection = await withDocument({ _id: 'u1', tags: ['a'] });
      expect(await collection.updateOne({ _id: 'u1' }, { $addToSet: { tags: 'a' } })).toEqual({
        matchedCount: 1,
        modifiedCount: 0,
        upsertedCount: 0,
      });
      await collection.updateOne({ _id: 'u1' }, { $addToSet: { tags: 'b' } });
      expect((await collection.findOne({ _id: 'u1' }))?.tags).toEqual(['a', 'b']);
    });

    it('$max and $min change a field only past the current value', async () => {
      const collection = await withDocument({ _id: 'u1', best: 5, worst: 5 });
      expect((await collection.updateOne({ _id: 'u1' }, { $max: { best: 3 }, $min: { worst: 7 } })).modifiedCount).toBe(0);
      expect((await collection.updateOne({ _id: 'u1' }, { $max: { best: 9 }, $min: { worst: 2, seen: 4 } })).modifiedCount).toBe(1);
      expect(await collection.findOne({ _id: 'u1' })).toEqual({ _id: 'u1', best: 9, worst: 2, seen: 4 });
    });

    it('a $set to the current value matches without modifying', async () => {
      const collection = await withDocument({ _id: 'u1', name: 'A' });
      expect(await collection.updateOne({ _id: 'u1' }, { $set: { name: 'A' } })).toEqual({
        matchedCount: 1,
        modifiedCount: 0,
        upsertedCount: 0,
      });
    });

    it('updates one document only, even when several match; none when none match', async () => {
      const collection = await withDocument({ _id: 'u1', kind: 'k' });
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
      const second = await collection.updateOne(
        { _id: 'x' },
        { $set: { v: 2 }, $setOnInsert: { created: 'second' } },
        { upsert: true },
      );
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

  describe('updateMany, replaceOne, deleteMany', () => {
    it('updateMany counts matched and actually modified documents', async () => {
      const collection = await withDocument({ _id: 'a', kind: 'k', v: 1 });
      await collection.insertOne({ _id: 'b', kind: 'k', v: 2 });
      await collection.insertOne({ _id: 'c', kind: 'other', v: 2 });
      expect(await collection.updateMany({ kind: 'k' }, { $set: { v: 2 } })).toEqual({
        matchedCount: 2,
        modifiedCount: 1,
        upsertedCount: 0,
      });
      expect(idsOf(await collection.find({ v: 2 }))).toEqual(['a', 'b', 'c']);
    });

    it('replaceOne replaces the whole document and keeps its _id', async () => {
      const collection = await withDocument({ _id: 'r', a: 1, b: 2 });
      expect(await collection.replaceOne({ a: 1 }, { _id: 'r', c: 3 })).toEqual({
        matchedCount: 1,
        modifiedCount: 1,
        upsertedCount: 0,
      });
      expect(await collection.findOne({ _id: 'r' })).toEqual({ _id: 'r', c: 3 });
      expect(await collection.replaceOne({ a: 1 }, { _id: 'r', c: 4 })).toEqual({
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 0,
      });
    });

    it('replaceOne with upsert inserts the replacement when nothing matches', async () => {
      const collection = fixture.collection();
      expect(await collection.replaceOne({ _id: 'new' }, { _id: 'new', c: 3 }, { upsert: true })).toEqual({
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 1,
        upsertedId: 'new',
      });
      expect(await collection.findOne({ _id: 'new' })).toEqual({ _id: 'new', c: 3 });
    });

    it('deleteMany removes every match and says how many', async () => {
      const collection = await withDocument({ _id: 'a', kind: 'k' });
      await collection.insertOne({ _id: 'b', kind: 'k' });
      await collection.insertOne({ _id: 'c', kind: 'other' });
      expect(await collection.deleteMany({ kind: 'k' })).toEqual({ deletedCount: 2 });
      expect(idsOf(await collection.find({}))).toEqual(['c']);
      expect(await collection.deleteMany({ kind: 'k' })).toEqual({ deletedCount: 0 });
      expect(await collection.deleteMany({})).toEqual({ deletedCount: 1 });
    });
  });

  describe('bulkWrite', () => {
    it('applies operations in order and sums their counts', async () => {
      const collection = fixture.collection();
      const result = await collection.bulkWrite([
        { insertOne: { document: { _id: 'a', kind: 'k', n: 1 } } },
        { insertOne: { document: { _id: 'b', kind: 'k', n: 1 } } },
        { insertOne: { document: { _id: 'c', kind: 'gone', n: 1 } } },
        { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } } } },
        { updateMany: { filter: { kind: 'k' }, update: { $set: { n: 2 } } } },
        { replaceOne: { filter: { _id: 'b' }, replacement: { _id: 'b', kind: 'replaced' } } },
        { updateOne: { filter: { _id: 'd' }, update: { $set: { kind: 'upserted' } }, upsert: true } },
        { deleteOne: { filter: { kind: 'gone' } } },
        { deleteMany: { filter: { kind: 'nothing' } } },
      ]);
      expect(result).toEqual({ insertedCount: 3, matchedCount: 4, modifiedCount: 3, upsertedCount: 1, deletedCount: 1 });
      expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'a', kind: 'k', n: 2 },
        { _id: 'b', kind: 'replaced' },
        { _id: 'd', kind: 'upserted' },
      ]);
    });

    it('stops at the first failing operation, keeping the ones before it', async () => {
      const collection = fixture.collection();
      await expect(
        collection.bulkWrite([
          { insertOne: { document: { _id: 'x' } } },
          { insertOne: { document: { _id: 'x' } } },
          { insertOne: { document: { _id: 'y' } } },
        ]),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(idsOf(await collection.find({}))).toEqual(['x']);
    });
  });

  describe('collections', () => {
    it('a written collection is listed; drop removes its documents, its indexes and the listing', async () => {
      const collection = fixture.collection();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await collection.insertOne({ _id: 'a', email: 'a@x' });
      expect(await fixture.store().listCollections()).toContain(collection.name);
      await collection.drop();
      expect(await fixture.store().listCollections()).not.toContain(collection.name);
      expect(await collection.countDocuments()).toBe(0);
      await collection.insertOne({ _id: 'a', email: 'a@x' });
      await collection.insertOne({ _id: 'b', email: 'a@x' });
      expect(await collection.countDocuments()).toBe(2);
    });

    it('inserting an existing _id is a DuplicateKeyError', async () => {
      const collection = await withDocument({ _id: 'a', v: 1 });
      await expect(collection.insertOne({ _id: 'a', v: 2 })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.find({})).toEqual([{ _id: 'a', v: 1 }]);
    });
  });
}
