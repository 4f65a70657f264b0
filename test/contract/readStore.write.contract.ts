import { DuplicateKeyError, type BulkOperation, type Document } from '../../src/readstore/readStore';
import { idsOf, withDocument, type ReadStoreFixture } from './readStoreKit';

export function describeWriteContract(fixture: ReadStoreFixture): void {
  describe('updateMany, replaceOne, deleteMany', () => {
    it('updateMany counts matched and actually modified documents', async () => {
      const collection = await withDocument(fixture, { _id: 'a', kind: 'k', v: 1 });
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
      const collection = await withDocument(fixture, { _id: 'r', a: 1, b: 2 });
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
      const collection = await withDocument(fixture, { _id: 'a', kind: 'k' });
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
        collection.bulkWrite([{ insertOne: { document: { _id: 'x' } } }, { insertOne: { document: { _id: 'x' } } }, { insertOne: { document: { _id: 'y' } } }]),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(idsOf(await collection.find({}))).toEqual(['x']);
    });

    it('unordered: a failing operation does not stop the others; the failure is thrown once all have run', async () => {
      const collection = await withDocument(fixture, { _id: 'x', n: 0 });
      await expect(
        collection.bulkWrite(
          [
            { insertOne: { document: { _id: 'w' } } },
            { insertOne: { document: { _id: 'x' } } },
            { insertOne: { document: { _id: 'y' } } },
            { updateOne: { filter: { _id: 'x' }, update: { $inc: { n: 1 } } } },
            { deleteOne: { filter: { _id: 'w' } } },
          ],
          { ordered: false },
        ),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([{ _id: 'x', n: 1 }, { _id: 'y' }]);
    });

    it('unordered: with nothing failing, the same documents and counts as ordered', async () => {
      const operations = (): BulkOperation<Document>[] => [
        { insertOne: { document: { _id: 'a', n: 1 } } },
        { replaceOne: { filter: { _id: 'b' }, replacement: { _id: 'b', n: 2 }, upsert: true } },
        { updateOne: { filter: { _id: 'a' }, update: { $set: { m: 1 } } } },
        { replaceOne: { filter: { _id: 'c' }, replacement: { _id: 'c', n: 3 } } },
        { deleteOne: { filter: { _id: 'd' } } },
      ];
      const ordered = fixture.collection();
      const unordered = fixture.collection();
      const orderedResult = await ordered.bulkWrite(operations());
      expect(await unordered.bulkWrite(operations(), { ordered: false })).toEqual(orderedResult);
      expect(orderedResult).toEqual({ insertedCount: 1, matchedCount: 1, modifiedCount: 1, upsertedCount: 1, deletedCount: 0 });
      expect(await unordered.find({}, { sort: { _id: 1 } })).toEqual(await ordered.find({}, { sort: { _id: 1 } }));
    });

    it('handed over: documents are stored as given, with the same counts, and read back equal', async () => {
      const collection = await withDocument(fixture, { _id: 'r', n: 0 });
      const result = await collection.bulkWrite(
        [
          { insertOne: { document: { _id: 'i', list: ['a'], nested: { n: 1 } } } },
          { replaceOne: { filter: { _id: 'r' }, replacement: { _id: 'r', n: 1 } } },
          { replaceOne: { filter: { _id: 'u' }, replacement: { _id: 'u', n: 2 }, upsert: true } },
          // Not in the shape stored (`_id` not first): stored as a copy would be, `_id` first.
          { replaceOne: { filter: { _id: 'v' }, replacement: { n: 3, _id: 'v' }, upsert: true } },
        ],
        { ordered: false, handOver: true },
      );
      expect(result).toEqual({ insertedCount: 1, matchedCount: 1, modifiedCount: 1, upsertedCount: 2, deletedCount: 0 });
      const stored = await collection.find({}, { sort: { _id: 1 } });
      expect(stored).toEqual([
        { _id: 'i', list: ['a'], nested: { n: 1 } },
        { _id: 'r', n: 1 },
        { _id: 'u', n: 2 },
        { _id: 'v', n: 3 },
      ]);
      expect(Object.keys(stored[3])).toEqual(['_id', 'n']);
    });

    it('handed over: a replacement holding an update operator is refused as without it', async () => {
      const collection = await withDocument(fixture, { _id: 'r', n: 0 });
      await expect(
        collection.bulkWrite([{ replaceOne: { filter: { _id: 'r' }, replacement: { _id: 'r', $set: { n: 1 } } } }], { handOver: true }),
      ).rejects.toThrow();
      expect(await collection.find({})).toEqual([{ _id: 'r', n: 0 }]);
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
      const collection = await withDocument(fixture, { _id: 'a', v: 1 });
      await expect(collection.insertOne({ _id: 'a', v: 2 })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.find({})).toEqual([{ _id: 'a', v: 1 }]);
    });
  });
}
