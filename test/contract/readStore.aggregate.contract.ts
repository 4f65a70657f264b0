import { withPeople, type ReadStoreFixture } from './readStoreKit';

export function describeAggregateContract(fixture: ReadStoreFixture): void {
  describe('aggregate', () => {
    it('$match then $group with $sum then $sort', async () => {
      const people = await withPeople(fixture);
      const groups = await people.aggregate([
        { $match: { age: { $gte: 25 } } },
        { $group: { _id: '$age', count: { $sum: 1 }, total: { $sum: '$age' } } },
        { $sort: { _id: 1 } },
      ]);
      expect(groups).toEqual([
        { _id: 25, count: 2, total: 50 },
        { _id: 36, count: 1, total: 36 },
        { _id: 41, count: 1, total: 41 },
      ]);
    });

    it('$unwind an array field, one output per element', async () => {
      const people = await withPeople(fixture);
      const tags = await people.aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', people: { $sum: 1 } } }, { $sort: { people: -1, _id: 1 } }]);
      expect(tags).toEqual([
        { _id: 'math', people: 2 },
        { _id: 'art', people: 1 },
        { _id: 'poetry', people: 1 },
      ]);
    });

    it('$lookup joins documents of another collection', async () => {
      const people = await withPeople(fixture);
      const orders = fixture.collection();
      await orders.insertOne({ _id: 'o1', personId: 'p1', amount: 250 });
      const joined = await orders.aggregate<{ _id: string; person: { name: string }[] }>([
        { $match: { _id: 'o1' } },
        { $lookup: { from: people.name, localField: 'personId', foreignField: '_id', as: 'person' } },
      ]);
      expect(joined.map((order) => order.person.map((person) => person.name))).toEqual([['Ada']]);
    });

    it('returns copies: changing a result changes nothing stored', async () => {
      const people = await withPeople(fixture);
      const [result] = await people.aggregate<{ tags: string[] }>([{ $match: { _id: 'p4' } }]);
      result.tags.push('changed');
      expect((await people.findOne({ _id: 'p4' }))?.tags).toEqual(['math']);
    });
  });
}
