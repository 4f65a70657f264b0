import {
  MEMBER_TIMELINES,
  UNIT_MEMBER_COUNTS,
  countDocumentIds,
  countFrom,
  membershipsProjection,
  type MemberCountStep,
  type UnitMemberCountDocument,
} from '../../../projections';
import type { PositionedEvent } from '../../../src/domain/events';
import type { Collection, Document, ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

/** The steps of every unit with count documents, from its year documents in order. */
async function counts(store: ReadStore): Promise<Record<string, MemberCountStep[]>> {
  const documents = await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({}, { sort: { unitId: 1, from: 1 } });
  const steps: Record<string, MemberCountStep[]> = {};
  for (const document of documents) steps[document.unitId] = [...(steps[document.unitId] ?? []), ...document.steps];
  return steps;
}

async function countOnDate(store: ReadStore, unitId: string, date: string): Promise<number> {
  const [year, after] = countDocumentIds(unitId, date);
  const read = async (_id: string): Promise<UnitMemberCountDocument | undefined> =>
    (await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).findOne({ _id })) ?? undefined;
  return countFrom(await read(year), await read(after), date);
}

/** The store, but every bulk write to collection `name` fails, as when the process stops before it. */
function failingWritesTo(store: ReadStore, name: string): ReadStore {
  return {
    listCollections: () => store.listCollections(),
    createScratch: () => store.createScratch(),
    adopt: (scratch) => store.adopt(scratch),
    close: () => store.close(),
    collection: <T extends Document>(collectionName: string): Collection<T> => {
      const collection = store.collection<T>(collectionName);
      if (collectionName !== name) return collection;
      return Object.assign(Object.create(collection) as Collection<T>, { bulkWrite: () => Promise.reject(new Error('crash')) });
    },
  };
}

async function projected(events: readonly PositionedEvent[], batchSize = events.length): Promise<ReadStore> {
  const store = await freshStore();
  await project(store, events, batchSize);
  return store;
}

describe('unit member counts (maintained by the memberships projection)', () => {
  it('counts each branch with the members of its groups, and each group, through joins, group changes, a transfer and leaving', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2020-01-01', registered('m2', 'B1'));
    log.record('2020-03-01', registered('m3', 'B2', 'G2'));
    log.record('2020-06-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    log.record('2020-09-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    log.record('2021-01-10', transferRequested('t1', 'm3', 'B2', 'B1', '2021-04-10'));
    log.record('2021-02-01', transferAccepted('t1', 'm3', 'B2', 'B1', 'G2'));
    log.record('2022-01-01', left('m2', 'B1'));
    log.record('2023-05-05', registered('m4', 'B2', 'G2'));
    log.record('2023-05-05', left('m4', 'B2'));

    for (const batchSize of [1, 3, log.events.length]) {
      expect(await counts(await projected(log.events, batchSize))).toEqual({
        // The stage change and the group change leave the branch count flat: no step.
        B1: [
          { from: '2020-01-01', count: 2 },
          { from: '2021-02-01', count: 3 },
          { from: '2022-01-01', count: 2 },
        ],
        // m4 joined and left the same day: never counted.
        B2: [
          { from: '2020-03-01', count: 1 },
          { from: '2021-02-01', count: 0 },
        ],
        G1: [
          { from: '2020-01-01', count: 1 },
          { from: '2020-09-01', count: 0 },
        ],
        G1b: [{ from: '2020-09-01', count: 1 }],
        G2: [
          { from: '2020-03-01', count: 1 },
          { from: '2021-02-01', count: 0 },
        ],
      });
    }
  });

  it('keeps a document per year from the first change to the last, then one for the years after, with the latest position counted by then', async () => {
    const log = logWithTree();
    const first = log.record('2020-01-01', registered('m1', 'B1'));
    const second = log.record('2020-02-01', registered('m2', 'B1'));
    log.record('2023-01-01', left('m1', 'B1'));
    const store = await projected(log.events, 1);

    expect(await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({ unitId: 'B1' }, { sort: { from: 1 } })).toEqual([
      {
        _id: 'B1:2020',
        unitId: 'B1',
        from: '2020-01-01',
        count: 0,
        steps: [
          { from: '2020-01-01', count: 1 },
          { from: '2020-02-01', count: 2 },
        ],
        position: second.position,
      },
      { _id: 'B1:2021', unitId: 'B1', from: '2021-01-01', count: 2, steps: [], position: second.position },
      { _id: 'B1:2022', unitId: 'B1', from: '2022-01-01', count: 2, steps: [], position: second.position },
      // The leaving ends m1's interval, whose position is that of their registration.
      { _id: 'B1:2023', unitId: 'B1', from: '2023-01-01', count: 2, steps: [{ from: '2023-01-01', count: 1 }], position: second.position },
      { _id: 'B1', unitId: 'B1', from: '2024-01-01', count: 1, steps: [], position: second.position },
    ]);
    expect(first.position < second.position).toBe(true);
    const expected: [string, number][] = [
      ['2019-12-31', 0],
      ['2020-01-01', 1],
      ['2020-02-01', 2],
      ['2021-06-30', 2],
      ['2022-12-31', 2],
      ['2023-01-01', 1],
      ['2023-12-31', 1],
      ['2024-01-01', 1],
      ['2099-01-01', 1],
    ];
    for (const [date, count] of expected) expect([date, await countOnDate(store, 'B1', date)]).toEqual([date, count]);
    expect(await countOnDate(store, 'B2', '2021-01-01')).toBe(0);
  });

  it('rewrites only the count documents a change alters', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    log.record('2024-03-01', registered('m2', 'B1'));
    const store = await projected(log.events);
    const before = await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({ unitId: 'B1' }, { sort: { from: 1 } });

    const late = log.record('2024-06-01', registered('m3', 'B1'));
    await project(store, [late]);

    const after = await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({ unitId: 'B1' }, { sort: { from: 1 } });
    expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
    expect(after.slice(4).map(({ _id, count, steps, position }) => ({ _id, count, steps, position }))).toEqual([
      {
        _id: 'B1:2024',
        count: 1,
        steps: [
          { from: '2024-03-01', count: 2 },
          { from: '2024-06-01', count: 3 },
        ],
        position: late.position,
      },
      { _id: 'B1', count: 3, steps: [], position: late.position },
    ]);
  });

  it('late entries rewrite the documents from their year on, to the same documents as projecting the log at once', async () => {
    const log = logWithTree();
    log.record('2015-01-01', registered('m1', 'B1', 'G1'));
    log.record('2016-03-01', registered('m2', 'B1'));
    log.record('2021-05-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    log.record('2017-06-01', advanced('m2', 'APPLICANT', 'ACTIVIST'));
    log.record('2018-01-10', transferRequested('t1', 'm2', 'B1', 'B2', '2018-04-10'));
    log.record('2018-02-01', transferAccepted('t1', 'm2', 'B1', 'B2', null));
    log.record('2024-02-01', left('m2', 'B2'));
    // Recorded last, effective before the group change: m1 is in G1 until they leave.
    log.record('2019-07-01', left('m1', 'B1'));
    const all = async (store: ReadStore) => store.collection(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } });
    const atOnce = await all(await projected(log.events));

    for (const batchSize of [1, 2, 3]) expect(await all(await projected(log.events, batchSize))).toEqual(atOnce);
    expect(await countOnDate(await projected(log.events, 1), 'G1', '2022-01-01')).toBe(0);
    expect(await countOnDate(await projected(log.events, 1), 'G1b', '2022-01-01')).toBe(0);
    expect(await countOnDate(await projected(log.events, 1), 'B1', '2019-06-30')).toBe(1);
    expect(await countOnDate(await projected(log.events, 1), 'B2', '2030-01-01')).toBe(0);
  });

  it('a batch replayed after failing before its counts were written recounts them', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    const store = await projected(log.events);
    const leaving = log.record('2021-06-01', left('m1', 'B1'));
    // The memberships are written, then the count write fails: the timeline is not written either.
    await expect(membershipsProjection.apply([leaving], failingWritesTo(store, UNIT_MEMBER_COUNTS))).rejects.toThrow('crash');

    await project(store, [leaving]);

    expect(await countOnDate(store, 'B1', '2021-06-01')).toBe(0);
    expect(await counts(store)).toEqual({
      B1: [
        { from: '2020-01-01', count: 1 },
        { from: '2021-06-01', count: 0 },
      ],
    });
  });

  it('a batch replayed after failing once its memberships and counts were written, but not its timelines, counts nobody twice', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2020-03-01', registered('m2', 'B1'));
    const store = await projected(log.events);
    const batch = [log.record('2021-06-01', left('m1', 'B1')), log.record('2021-09-01', registered('m3', 'B1', 'G1'))];
    await expect(membershipsProjection.apply(batch, failingWritesTo(store, MEMBER_TIMELINES))).rejects.toThrow('crash');

    await project(store, batch);

    const all = async (of: ReadStore) => of.collection(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } });
    expect(await all(store)).toEqual(await all(await projected(log.events)));
    expect(await countOnDate(store, 'B1', '2021-12-31')).toBe(2);
  });

  it('recounts a unit an interval disappears from, and drops its document when it has no member left', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    // Same day: the later fact wins the day, so m1 was never in G1.
    log.record('2020-01-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    const firstBatchOnly = await projected(log.events.slice(0, log.events.length - 1));
    expect(Object.keys(await counts(firstBatchOnly))).toEqual(['B1', 'G1']);
    expect((await firstBatchOnly.collection(UNIT_MEMBER_COUNTS).find({ unitId: 'G1' })).length).toBe(2);

    await project(firstBatchOnly, log.events.slice(-1));

    const expected = { B1: [{ from: '2020-01-01', count: 1 }], G1b: [{ from: '2020-01-01', count: 1 }] };
    expect(await counts(firstBatchOnly)).toEqual(expected);
    expect(await counts(await projected(log.events))).toEqual(expected);
  });

  it('replaying the events changes no count document', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2020-05-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    log.record('2021-01-01', left('m1', 'B1'));
    const store = await projected(log.events, 2);
    const once = await store.collection(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } });
    expect(once.map((document) => document._id)).toEqual(['B1', 'B1:2020', 'B1:2021', 'G1', 'G1:2020', 'G1b', 'G1b:2020', 'G1b:2021']);

    await project(store, log.events, 1);
    await project(store, log.events.slice(10), 1);

    expect(await store.collection(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } })).toEqual(once);
  });
});
