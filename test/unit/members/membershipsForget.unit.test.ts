import { MEMBER_TIMELINES, MEMBERSHIPS, UNIT_MEMBER_COUNTS, membershipsProjection } from '../../../projections';
import type { CorrectionScope } from '../../../projections/shared/correctionScope';
import * as recount from '../../../projections/members/unitMemberCounts.recount';
import type { PositionedEvent } from '../../../src/domain/events';
import type { Document, ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from '../support/eventLog';
import { freshStore } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const COLLECTIONS = [MEMBER_TIMELINES, MEMBERSHIPS, UNIT_MEMBER_COUNTS];

async function documents(store: ReadStore): Promise<Record<string, Document[]>> {
  const result: Record<string, Document[]> = {};
  for (const name of COLLECTIONS) result[name] = await store.collection(name).find({}, { sort: { _id: 1 } });
  return result;
}

async function projected(events: readonly PositionedEvent[]): Promise<ReadStore> {
  const store = await freshStore();
  await membershipsProjection.apply(events, store);
  return store;
}

/** The scope a targeted correction of `target` has when it replays the streams of these members. */
function scopeOf(target: PositionedEvent, memberIds: readonly string[], replayed: readonly PositionedEvent[]): CorrectionScope {
  return {
    target,
    idsIn: (category) => (category === 'member' ? memberIds : []),
    unitIds: [],
    positions: replayed.map((event) => event.position),
    latestLive: () => Promise.resolve(undefined),
  };
}

/** Given the log projected, when `target` is retracted (forget, then the members' streams replayed without it): the documents. */
async function corrected(events: readonly PositionedEvent[], target: PositionedEvent, memberIds: readonly string[]): Promise<ReadStore> {
  const store = await projected(events);
  const streams = new Set(memberIds.map((memberId) => `member-${memberId}`));
  const replayed = events.filter((event) => streams.has(event.stream));
  await membershipsProjection.forget(scopeOf(target, memberIds, replayed), store);
  await membershipsProjection.apply(
    replayed.filter((event) => event.id !== target.id),
    store,
  );
  return store;
}

describe('memberships: what a targeted correction forgets', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a retracted transfer of a member who stays: their memberships are kept, the replay changes only what the transfer made, and no unit is recounted', async () => {
    const log = logWithTree();
    log.record('2012-01-01', registered('m1', 'B1', 'G1'));
    log.record('2012-05-01', registered('m2', 'B1', 'G1'));
    log.record('2014-01-10', transferRequested('t1', 'm1', 'B1', 'B2', '2014-04-10'));
    const transfer = log.record('2014-02-01', transferAccepted('t1', 'm1', 'B1', 'B2', 'G1'));
    log.record('2015-03-01', groupAssigned('m1', 'B2', 'G2', null));
    log.record('2016-06-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    log.record('2018-01-01', left('m2', 'B1'));
    const recountUnits = jest.spyOn(recount, 'recountUnits');
    const store = await projected(log.events);
    const m1 = (await store.collection(MEMBERSHIPS).find({ memberId: 'm1' })).length;

    await membershipsProjection.forget(scopeOf(transfer, ['m1'], []), store);

    expect(await store.collection(MEMBERSHIPS).countDocuments({ memberId: 'm1' })).toBe(m1);
    const retracted = await corrected(log.events, transfer, ['m1']);
    expect(await documents(retracted)).toEqual(await documents(await projected(log.events.filter((event) => event.id !== transfer.id))));
    expect(recountUnits.mock.calls.every(([, { branches, groups }]) => branches.size === 0 && groups.size === 0)).toBe(true);
  });

  it('a retracted registration: the member and their memberships go, and their units count them no more', async () => {
    const log = logWithTree();
    log.record('2012-01-01', registered('m1', 'B1', 'G1'));
    const registration = log.record('2013-05-01', registered('m2', 'B1', 'G1b'));
    log.record('2015-03-01', advanced('m2', 'APPLICANT', 'ACTIVIST'));
    log.record('2016-01-01', left('m1', 'B1'));

    const retracted = await corrected(log.events, registration, ['m2']);

    expect(await documents(retracted)).toEqual(await documents(await projected(log.events.filter((event) => event.stream !== 'member-m2'))));
    expect(await retracted.collection(UNIT_MEMBER_COUNTS).countDocuments({ unitId: 'G1b' })).toBe(0);
  });
});
