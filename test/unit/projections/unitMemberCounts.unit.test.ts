import { UNIT_MEMBER_COUNTS, type MemberCountStep, type UnitMemberCountDocument } from '../../../projections';
import type { PositionedEvent } from '../../../src/domain/events';
import type { ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from './eventLog';
import { freshStore, project } from './projectionHarness';
import { logWithTree } from './tree';

/** Every count document, as unitId → steps. */
async function counts(store: ReadStore): Promise<Record<string, MemberCountStep[]>> {
  const documents = await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } });
  return Object.fromEntries(documents.map((document) => [document._id, document.steps]));
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

  it('remembers the latest position among the memberships counted', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    const second = log.record('2020-02-01', registered('m2', 'B1'));
    log.record('2021-01-01', left('m1', 'B1'));
    const store = await projected(log.events, 1);

    expect(await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).findOne({ _id: 'B1' })).toEqual({
      _id: 'B1',
      steps: [
        { from: '2020-01-01', count: 1 },
        { from: '2020-02-01', count: 2 },
        { from: '2021-01-01', count: 1 },
      ],
      position: second.position,
    });
  });

  it('recounts a unit an interval disappears from, and drops its document when it has no member left', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    // Same day: the later fact wins the day, so m1 was never in G1.
    log.record('2020-01-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    const firstBatchOnly = await projected(log.events.slice(0, log.events.length - 1));
    expect(Object.keys(await counts(firstBatchOnly))).toEqual(['B1', 'G1']);

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
    expect(once.map((document) => document._id)).toEqual(['B1', 'G1', 'G1b']);

    await project(store, log.events, 1);
    await project(store, log.events.slice(10), 1);

    expect(await store.collection(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } })).toEqual(once);
  });
});
