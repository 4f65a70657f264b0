import { DuplicateKeyError, type Collection, type Document, type Filter } from '../../src/readstore/readStore';
import { idsOf, type ReadStoreFixture } from './readStoreKit';

const units: Document[] = [
  { _id: 'v1', unitId: 'u1', kind: 'a', rank: 1, tags: ['x', 'y'], address: { city: 'Oslo' } },
  { _id: 'v2', unitId: 'u1', kind: 'a', rank: 2, tags: ['y'], address: { city: 'Rome' } },
  { _id: 'v3', unitId: 'u2', kind: 'b', rank: 3, tags: [], address: { city: 'Oslo' } },
  { _id: 'v4', unitId: 'u3', kind: 'a', rank: 4, tags: ['x'] },
  { _id: 'v5', kind: 'b', rank: 5, tags: ['z', 'x'], address: { city: 'Lima' } },
  { _id: 'v6', unitId: null, kind: 'a', rank: 6, tags: 'x', address: [{ city: 'Oslo' }, { city: 'Bern' }] },
];

const probes: [string, Filter][] = [
  ['equality', { unitId: 'u1' }],
  ['$eq', { unitId: { $eq: 'u2' } }],
  ['$in', { unitId: { $in: ['u1', 'u3', 'nobody'] } }],
  ['null (missing or null)', { unitId: null }],
  ['an element of a multikey field', { tags: 'x' }],
  ['a whole array of a multikey field', { tags: ['x', 'y'] }],
  ['an empty array', { tags: [] }],
  ['a nested field, through an array of subdocuments too', { 'address.city': 'Oslo' }],
  ['the first field of a compound index with a range on the second', { kind: 'a', rank: { $gt: 1 } }],
  ['two indexed fields', { unitId: 'u1', tags: 'x' }],
  ['$and members', { $and: [{ unitId: { $in: ['u1', 'u2'] } }, { tags: 'y' }] }],
  ['_id $in', { _id: { $in: ['v1', 'v5', 'nobody'] } }],
  ['an indexed field beside an $or', { kind: 'a', $or: [{ rank: 1 }, { rank: 6 }] }],
  ['a range only (not indexable)', { rank: { $gte: 4 } }],
];

async function insertAll(collection: Collection, documents: readonly Document[]): Promise<void> {
  for (const document of documents) await collection.insertOne(document);
}

export function describeIndexContract(fixture: ReadStoreFixture): void {
  describe('indexes answer like scans', () => {
    let indexed: Collection;
    let plain: Collection;
    const both = async (write: (collection: Collection) => Promise<unknown>): Promise<void> => {
      await write(indexed);
      await write(plain);
    };
    const expectSameAnswers = async (): Promise<void> => {
      for (const [, filter] of probes) {
        const expected = idsOf(await plain.find(filter));
        expect({ filter, ids: idsOf(await indexed.find(filter)) }).toEqual({ filter, ids: expected });
        expect(await indexed.countDocuments(filter)).toBe(expected.length);
      }
    };

    beforeEach(async () => {
      indexed = fixture.collection();
      plain = fixture.collection();
      await indexed.createIndex({ keys: { unitId: 1 } });
      await indexed.createIndex({ keys: { tags: 1 } });
      await indexed.createIndex({ keys: { 'address.city': 1 } });
      await indexed.createIndex({ keys: { kind: 1, rank: -1 } });
      await both((collection) => insertAll(collection, units));
    });

    it('after inserts', async () => {
      expect(idsOf(await indexed.find({ unitId: 'u1' }))).toEqual(['v1', 'v2']);
      expect(idsOf(await indexed.find({ unitId: null }))).toEqual(['v5', 'v6']);
      expect(idsOf(await indexed.find({ tags: 'x' }))).toEqual(['v1', 'v4', 'v5', 'v6']);
      expect(idsOf(await indexed.find({ 'address.city': 'Oslo' }))).toEqual(['v1', 'v3', 'v6']);
      await expectSameAnswers();
    });

    it('after updates move documents between index keys', async () => {
      await both((collection) => collection.updateMany({ unitId: 'u1' }, { $set: { unitId: 'u2' } }));
      await both((collection) => collection.updateOne({ _id: 'v4' }, { $push: { tags: 'y' }, $unset: { unitId: '' } }));
      await both((collection) => collection.updateOne({ _id: 'v5' }, { $pull: { tags: 'x' }, $set: { 'address.city': 'Oslo' } }));
      await both((collection) => collection.replaceOne({ _id: 'v3' }, { _id: 'v3', unitId: 'u1', kind: 'a', rank: 0, tags: ['x'] }));
      await both((collection) => collection.updateOne({ _id: 'v7', unitId: 'u9' }, { $set: { tags: ['y'] } }, { upsert: true }));
      expect(idsOf(await indexed.find({ unitId: 'u1' }))).toEqual(['v3']);
      expect(idsOf(await indexed.find({ unitId: 'u2' }))).toEqual(['v1', 'v2']);
      await expectSameAnswers();
    });

    it('after deletes', async () => {
      await both((collection) => collection.deleteMany({ tags: 'x' }));
      await both((collection) => collection.bulkWrite([{ deleteOne: { filter: { unitId: 'u2' } } }]));
      expect(idsOf(await indexed.find({}))).toEqual(['v2']);
      await expectSameAnswers();
    });

    it('with sort, skip and limit', async () => {
      const options = { sort: { rank: -1 as const }, skip: 1, limit: 2 };
      expect(await indexed.find({ kind: 'a' }, options)).toEqual(await plain.find({ kind: 'a' }, options));
    });
  });

  describe('unique indexes', () => {
    it('are named after their keys, and creating one again is harmless', async () => {
      const collection = fixture.collection();
      expect(await collection.createIndex({ keys: { email: 1 }, unique: true })).toBe('email_1');
      expect(await collection.createIndex({ keys: { email: 1 }, unique: true })).toBe('email_1');
      expect(await collection.createIndex({ keys: { unitId: 1, validFrom: -1 }, name: 'byUnit' })).toBe('byUnit');
    });

    it('reject a duplicate insert, update, replace or upsert and leave everything unchanged', async () => {
      const collection = fixture.collection();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await collection.insertOne({ _id: 'a', email: 'a@x' });
      await collection.insertOne({ _id: 'b', email: 'b@x' });
      const before = await collection.find({}, { sort: { _id: 1 } });

      await expect(collection.insertOne({ _id: 'c', email: 'a@x' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(collection.updateOne({ _id: 'b' }, { $set: { email: 'a@x', other: 1 } })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(collection.replaceOne({ _id: 'b' }, { _id: 'b', email: 'a@x' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(collection.updateOne({ _id: 'c' }, { $set: { email: 'a@x' } }, { upsert: true })).rejects.toBeInstanceOf(DuplicateKeyError);

      expect(await collection.find({}, { sort: { _id: 1 } })).toEqual(before);
      expect(await collection.find({ email: 'a@x' })).toEqual([{ _id: 'a', email: 'a@x' }]);
    });

    it('name the index and the key in the error', async () => {
      const collection = fixture.collection();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await collection.insertOne({ _id: 'a', email: 'a@x' });
      const error: unknown = await collection.insertOne({ _id: 'b', email: 'a@x' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect(error).toMatchObject({ index: 'email_1', key: { email: 'a@x' } });
    });

    it('over several fields reject only a repeated combination', async () => {
      const collection = fixture.collection();
      await collection.createIndex({ keys: { unitId: 1, validFrom: 1 }, unique: true });
      await collection.insertOne({ _id: 'a', unitId: 'u1', validFrom: '2020-01-01' });
      await collection.insertOne({ _id: 'b', unitId: 'u1', validFrom: '2021-01-01' });
      await collection.insertOne({ _id: 'c', unitId: 'u2', validFrom: '2020-01-01' });
      await expect(collection.insertOne({ _id: 'd', unitId: 'u1', validFrom: '2020-01-01' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await collection.countDocuments()).toBe(3);
    });

    it('cannot be created over existing duplicates', async () => {
      const collection = fixture.collection();
      await collection.insertOne({ _id: 'a', email: 'a@x' });
      await collection.insertOne({ _id: 'b', email: 'a@x' });
      await expect(collection.createIndex({ keys: { email: 1 }, unique: true })).rejects.toBeInstanceOf(DuplicateKeyError);
      await collection.insertOne({ _id: 'c', email: 'a@x' });
      expect(await collection.countDocuments({ email: 'a@x' })).toBe(3);
    });
  });
}
