import { idsOf, orderOf, withPeople, type ReadStoreFixture } from './readStoreKit';

export function describeFindContract(fixture: ReadStoreFixture): void {
  describe('find filters', () => {
    it.each([
      ['equality on a field', { city: 'London' }, ['p1']],
      ['equality on a nested field', { 'address.city': 'London' }, ['p1', 'p3']],
      ['$in', { age: { $in: [25, 41] } }, ['p2', 'p3', 'p4']],
      ['$gt with $lte', { age: { $gt: 25, $lte: 40 } }, ['p1']],
      ['$or', { $or: [{ city: 'Paris' }, { age: 41 }] }, ['p2', 'p3']],
      ['$exists: false on a nested field', { 'address.zip': { $exists: false } }, ['p3']],
      ['$exists: true counts a null value as present', { score: { $exists: true } }, ['p1', 'p2', 'p4']],
      ['null matches null and missing fields', { score: null }, ['p2', 'p3']],
      ['null matches a missing field', { city: null }, ['p3']],
      ['a value matches an array holding it', { tags: 'math' }, ['p1', 'p4']],
      ['an array matches an equal array', { tags: ['art'] }, ['p2']],
      ['an empty array matches an empty array', { tags: [] }, ['p3']],
      ['$in matches an array holding one of the values', { tags: { $in: ['poetry', 'art'] } }, ['p1', 'p2']],
      ['several conditions all apply', { age: 25, 'address.city': 'Berlin' }, ['p4']],
      ['an empty filter matches everything', {}, ['p1', 'p2', 'p3', 'p4']],
    ])('%s', async (_rule, filter, expected) => {
      const people = await withPeople(fixture);
      expect(idsOf(await people.find(filter))).toEqual(expected);
    });
  });

  describe('find options', () => {
    it('sorts by several fields in their own directions', async () => {
      const people = await withPeople(fixture);
      expect(orderOf(await people.find({}, { sort: { age: 1, name: -1 } }))).toEqual(['p4', 'p2', 'p1', 'p3']);
    });

    it('sorts null and missing values first when ascending, last when descending', async () => {
      const people = await withPeople(fixture);
      expect(orderOf(await people.find({}, { sort: { score: 1, _id: 1 } }))).toEqual(['p2', 'p3', 'p4', 'p1']);
      expect(orderOf(await people.find({}, { sort: { score: -1, _id: 1 } }))).toEqual(['p1', 'p4', 'p2', 'p3']);
    });

    it("sorts values of different types in MongoDB's type order", async () => {
      const values = fixture.collection();
      await values.insertOne({ _id: 'string', v: 'b' });
      await values.insertOne({ _id: 'number', v: 3 });
      await values.insertOne({ _id: 'null', v: null });
      await values.insertOne({ _id: 'true', v: true });
      await values.insertOne({ _id: 'date', v: new Date(0) });
      await values.insertOne({ _id: 'missing' });
      await values.insertOne({ _id: 'object', v: { a: 1 } });
      expect(orderOf(await values.find({}, { sort: { v: 1, _id: 1 } }))).toEqual(['missing', 'null', 'number', 'string', 'object', 'true', 'date']);
    });

    it('sorts an array field by its smallest element ascending and its largest descending', async () => {
      const values = fixture.collection();
      await values.insertOne({ _id: 'a', v: [5, 1] });
      await values.insertOne({ _id: 'b', v: 3 });
      await values.insertOne({ _id: 'c', v: [4] });
      expect(orderOf(await values.find({}, { sort: { v: 1 } }))).toEqual(['a', 'b', 'c']);
      expect(orderOf(await values.find({}, { sort: { v: -1 } }))).toEqual(['a', 'c', 'b']);
    });

    it('skips then limits the sorted answer', async () => {
      const people = await withPeople(fixture);
      expect(orderOf(await people.find({}, { sort: { age: 1, _id: 1 }, skip: 1, limit: 2 }))).toEqual(['p4', 'p1']);
      expect(await people.find({ age: 25 }, { limit: 1 })).toHaveLength(1);
      expect(await people.find({}, { sort: { age: 1 }, skip: 10 })).toEqual([]);
    });

    it('projects included fields and keeps _id unless excluded', async () => {
      const people = await withPeople(fixture);
      expect(await people.find({ _id: 'p1' }, { projection: { name: 1 } })).toEqual([{ _id: 'p1', name: 'Ada' }]);
      expect(await people.find({ _id: 'p1' }, { projection: { 'address.city': 1, _id: 0 } })).toEqual([{ address: { city: 'London' } }]);
    });

    it('projects away excluded fields, nested ones too', async () => {
      const people = await withPeople(fixture);
      expect(await people.find({ _id: 'p2' }, { projection: { tags: 0, 'address.zip': 0 } })).toEqual([
        { _id: 'p2', name: 'Bo', age: 25, city: 'Paris', address: { city: 'Paris' }, score: null },
      ]);
    });
  });

  describe('findOne and countDocuments', () => {
    it('findOne returns the first document in sort order, or null', async () => {
      const people = await withPeople(fixture);
      expect((await people.findOne({}, { sort: { age: -1 } }))?._id).toBe('p3');
      expect(await people.findOne({ _id: 'p2' }, { projection: { name: 1 } })).toEqual({ _id: 'p2', name: 'Bo' });
      expect(await people.findOne({ name: 'Nobody' })).toBeNull();
    });

    it('countDocuments counts matches, all documents without a filter', async () => {
      const people = await withPeople(fixture);
      expect(await people.countDocuments()).toBe(4);
      expect(await people.countDocuments({ age: 25 })).toBe(2);
      expect(await people.countDocuments({ age: 99 })).toBe(0);
      expect(await fixture.collection().countDocuments()).toBe(0);
    });
  });

  describe('findPage', () => {
    it('gives a sorted, limited page and the count of every match', async () => {
      const people = await withPeople(fixture);
      const page = await people.findPage({ age: { $lte: 40 } }, { sort: { age: 1, _id: 1 }, limit: 2 });
      expect(orderOf(page.documents)).toEqual(['p2', 'p4']);
      expect(page.totalCount).toBe(3);
    });

    it('applies the after condition to the page but not to the total', async () => {
      const people = await withPeople(fixture);
      const page = await people.findPage({ age: { $lte: 40 } }, { sort: { age: 1, _id: 1 }, limit: 2, after: { age: { $gt: 25 } } });
      expect(orderOf(page.documents)).toEqual(['p1']);
      expect(page.totalCount).toBe(3);
    });

    it('projects the page and answers an empty page when nothing matches', async () => {
      const people = await withPeople(fixture);
      const page = await people.findPage({ _id: 'p2' }, { sort: { _id: 1 }, limit: 5, projection: { name: 1 } });
      expect(page).toEqual({ documents: [{ _id: 'p2', name: 'Bo' }], totalCount: 1 });
      expect(await people.findPage({ age: 99 }, { sort: { _id: 1 }, limit: 5 })).toEqual({ documents: [], totalCount: 0 });
    });
  });

  describe('returned documents are copies', () => {
    it('changing a found document changes nothing stored', async () => {
      const people = await withPeople(fixture);
      const [found] = await people.find({ _id: 'p1' });
      (found.tags as string[]).push('changed');
      (found.address as Record<string, unknown>).city = 'Changed';
      const one = await people.findOne({ _id: 'p1' });
      if (one === null) throw new Error('p1 not found');
      one.name = 'Changed';
      const [projected] = await people.find({ _id: 'p1' }, { projection: { address: 1 } });
      (projected.address as Record<string, unknown>).zip = 'Changed';
      expect(await people.findOne({ _id: 'p1' })).toEqual({
        _id: 'p1',
        name: 'Ada',
        age: 36,
        city: 'London',
        tags: ['math', 'poetry'],
        address: { city: 'London', zip: 'N1' },
        score: 10,
      });
    });

    it('read only: the same documents, projected the same way', async () => {
      const people = await withPeople(fixture);
      expect(await people.find({ age: 25 }, { sort: { _id: 1 }, readOnly: true })).toEqual(await people.find({ age: 25 }, { sort: { _id: 1 } }));
      const projection = { name: 1, tags: 1 } as const;
      expect(await people.find({}, { sort: { _id: 1 }, projection, readOnly: true })).toEqual(await people.find({}, { sort: { _id: 1 }, projection }));
      expect(await people.findOne({ _id: 'p3' }, { readOnly: true })).toEqual(await people.findOne({ _id: 'p3' }));
    });

    it('changing a document or value after writing it changes nothing stored', async () => {
      const collection = fixture.collection();
      const inserted = { _id: 'd1', list: ['a'], nested: { n: 1 } };
      await collection.insertOne(inserted);
      inserted.list.push('b');
      inserted.nested.n = 2;
      const setValue = ['x'];
      await collection.updateOne({ _id: 'd1' }, { $set: { other: setValue } });
      setValue.push('y');
      expect(await collection.findOne({ _id: 'd1' })).toEqual({ _id: 'd1', list: ['a'], nested: { n: 1 }, other: ['x'] });
    });
  });
}
