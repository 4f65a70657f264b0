import { EVENT_INDEX, eventIndexProjection, type EventIndexDocument } from '../../../projections';
import type { ReadStore } from '../../../src/readstore/readStore';
import { advanced, moved, registered, renamed, transferRejected, transferRequested } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

async function entry(store: ReadStore, position: string): Promise<EventIndexDocument | null> {
  return store.collection<EventIndexDocument>(EVENT_INDEX).findOne({ _id: position });
}

const sorted = (ids: readonly string[] | undefined): string[] => [...(ids ?? [])].sort();

describe('event index', () => {
  it('an entry another writer made between this batch’s read and its write (two projectors overlapping) is replaced, not a duplicate key that fails the batch', async () => {
    const log = logWithTree();
    log.record('2014-01-01', registered('m1', 'B1', 'G1'));
    const store = await freshStore();
    await project(store, log.events);
    const written = await entry(store, log.events[log.events.length - 1].position);
    // This writer read the index before the other wrote: it finds none of the batch's entries.
    const blind = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'collection') return Reflect.get(target, property, receiver);
        return (name: string) => {
          const collection = target.collection(name);
          if (name !== EVENT_INDEX) return collection;
          return new Proxy(collection, {
            get: (inner, key, innerReceiver) =>
              key === 'find' ? async () => [] : (Reflect.get(inner, key, innerReceiver) as unknown as (...args: unknown[]) => unknown).bind(inner),
          });
        };
      },
    });
    await expect(eventIndexProjection.apply(log.events, blind)).resolves.toBeUndefined();
    expect(await entry(store, log.events[log.events.length - 1].position)).toEqual(written);
  });

  it('a unit event names the unit and its ancestors on the effective date', async () => {
    const log = logWithTree();
    const rename = log.record('2012-01-01', renamed('G1', 'Red One', 'G1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await entry(store, rename.position)).toMatchObject({
      eventId: rename.id,
      type: 'UnitRenamed',
      stream: 'unit-G1',
      category: 'unit',
      effectiveDate: '2012-01-01',
      recordedAt: rename.recordedAt,
      data: { unitId: 'G1', name: 'Red One', previousName: 'G1' },
      memberIds: [],
    });
    expect(sorted((await entry(store, rename.position))?.unitIds)).toEqual(['B1', 'C1', 'D1', 'G1']);
  });

  it("a member event names the member's branch and group with the ancestors they had on the effective date", async () => {
    const log = logWithTree();
    const registration = log.record('2014-01-01', registered('m1', 'B1', 'G1'));
    const move = log.record('2015-06-01', moved('C1', 'D2', 'D1'));
    const advance = log.record('2016-01-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    const store = await freshStore();
    await project(store, log.events, 2);

    expect(sorted((await entry(store, registration.position))?.unitIds)).toEqual(['B1', 'C1', 'D1', 'G1']);
    expect((await entry(store, registration.position))?.memberIds).toEqual(['m1']);
    expect(sorted((await entry(store, move.position))?.unitIds)).toEqual(['C1', 'D1', 'D2']);
    expect(sorted((await entry(store, advance.position))?.unitIds)).toEqual(['B1', 'C1', 'D2', 'G1']);
  });

  it('a move recorded late re-labels the events already indexed on or after its date', async () => {
    const log = logWithTree();
    const before = log.record('2014-01-01', registered('m1', 'B1', 'G1'));
    const after = log.record('2016-01-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    const store = await freshStore();
    await project(store, log.events);
    expect(sorted((await entry(store, after.position))?.unitIds)).toEqual(['B1', 'C1', 'D1', 'G1']);

    await project(store, [log.record('2015-06-01', moved('C1', 'D2', 'D1'))]);

    expect(sorted((await entry(store, before.position))?.unitIds)).toEqual(['B1', 'C1', 'D1', 'G1']);
    expect(sorted((await entry(store, after.position))?.unitIds)).toEqual(['B1', 'C1', 'D2', 'G1']);
  });

  it('a transfer event is in the subtrees of both branches', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    const request = log.record('2020-02-01', transferRequested('t1', 'm1', 'B1', 'B2', '2020-05-01'));
    const rejection = log.record('2020-03-01', transferRejected('t1', 'm1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(sorted((await entry(store, request.position))?.unitIds)).toEqual(['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'G1']);
    expect(sorted((await entry(store, rejection.position))?.unitIds)).toEqual(['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'G1']);
    const inD2 = await store.collection<EventIndexDocument>(EVENT_INDEX).find({ unitIds: 'D2', category: 'member' }, { sort: { _id: 1 } });
    expect(inD2.map((doc) => doc.type)).toEqual(['TransferRequested', 'TransferRejected']);
  });
});
