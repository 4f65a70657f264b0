import type { AnyBulkWriteOperation, Collection as DriverCollection, Document as DriverDocument } from 'mongodb';
import { MongoCollection } from '../../src/readstore/mongodb/mongoCollection';
import type { Document } from '../../src/readstore/readStore';

type BulkCall = { operations: AnyBulkWriteOperation<DriverDocument>[]; options: { ordered?: boolean } };
type FindCall = { filter: DriverDocument; options: DriverDocument };

/** Just enough of the driver's collection to see what the adapter asks of it (no server needed). */
function recordingDriver(): { driver: DriverCollection<Document>; bulkWrites: BulkCall[]; finds: FindCall[] } {
  const bulkWrites: BulkCall[] = [];
  const finds: FindCall[] = [];
  const fake = {
    collectionName: 'recorded',
    bulkWrite: async (operations: AnyBulkWriteOperation<DriverDocument>[], options: { ordered?: boolean }) => {
      bulkWrites.push({ operations, options });
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: operations.length, deletedCount: 0 };
    },
    find: (filter: DriverDocument, options: DriverDocument) => {
      finds.push({ filter, options });
      return { toArray: async () => [] };
    },
    findOne: async (filter: DriverDocument, options: DriverDocument) => {
      finds.push({ filter, options });
      return null;
    },
  };
  return { driver: fake as unknown as DriverCollection<Document>, bulkWrites, finds };
}

describe('MongoCollection: what it asks of the driver', () => {
  it('a bulk write is ordered unless the caller says otherwise; unordered goes as one unordered driver call', async () => {
    const { driver, bulkWrites } = recordingDriver();
    const collection = new MongoCollection<Document>('recorded', () => driver);
    const operations = Array.from({ length: 1500 }, (_, n) => ({ replaceOne: { filter: { _id: `d${n}` }, replacement: { _id: `d${n}`, n }, upsert: true } }));
    await collection.bulkWrite(operations.slice(0, 2));
    await collection.bulkWrite(operations, { ordered: false, handOver: true });
    expect(bulkWrites.map((call) => [call.operations.length, call.options])).toEqual([
      [2, { ordered: true }],
      [1500, { ordered: false }],
    ]);
  });

  it('readOnly is the port’s own word: the driver is never sent it', async () => {
    const { driver, finds } = recordingDriver();
    const collection = new MongoCollection<Document>('recorded', () => driver);
    await collection.find({ _id: 'a' }, { projection: { n: 1 }, readOnly: true });
    await collection.findOne({ _id: 'a' }, { readOnly: true });
    expect(finds).toEqual([
      { filter: { _id: 'a' }, options: { projection: { n: 1 } } },
      { filter: { _id: 'a' }, options: {} },
    ]);
  });
});
