import {
  MEMBERS,
  MEMBERSHIPS,
  activeOn,
  isActiveOn,
  membershipsInUnitsOn,
  type Interval,
  type MemberDocument,
  type MembershipDocument,
} from '../../../projections';
import { unitYearsOf } from '../../../projections/members/memberships.years';
import type { OrgEvent } from '../../../src/domain/events';
import type { ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

type Span = Pick<MembershipDocument, 'branchId' | 'groupId' | 'status' | 'validFrom' | 'validTo'>;

async function membershipsOf(store: ReadStore, memberId: string): Promise<Span[]> {
  const memberships = await store.collection<MembershipDocument>(MEMBERSHIPS).find({ memberId }, { sort: { validFrom: 1 } });
  return memberships.map(({ branchId, groupId, status, validFrom, validTo }) => ({ branchId, groupId, status, validFrom, validTo }));
}

async function recordedTimesOf(store: ReadStore, memberId: string): Promise<Pick<MembershipDocument, 'validFrom' | 'recordedAt' | 'endRecordedAt'>[]> {
  const memberships = await store.collection<MembershipDocument>(MEMBERSHIPS).find({ memberId }, { sort: { validFrom: 1 } });
  return memberships.map(({ validFrom, recordedAt, endRecordedAt }) => ({ validFrom, recordedAt, endRecordedAt }));
}

async function member(store: ReadStore, memberId: string): Promise<MemberDocument | null> {
  return store.collection<MemberDocument>(MEMBERS).findOne({ _id: memberId });
}

describe('memberships', () => {
  it('registration, stage advance, transfer, group assignment and leaving each start or close an interval', async () => {
    const log = logWithTree();
    const registration = log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    const advance = log.record('2020-06-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    log.record('2021-01-10', transferRequested('t1', 'm1', 'B1', 'B2', '2021-04-10'));
    const acceptance = log.record('2021-02-01', transferAccepted('t1', 'm1', 'B1', 'B2', 'G1'));
    const assignment = log.record('2021-03-01', groupAssigned('m1', 'B2', 'G2', null));
    const leaving = log.record('2022-01-01', left('m1', 'B2'));
    const store = await freshStore();
    await project(store, log.events, 3);

    expect(await membershipsOf(store, 'm1')).toEqual([
      { branchId: 'B1', groupId: 'G1', status: 'APPLICANT', validFrom: '2020-01-01', validTo: '2020-06-01' },
      { branchId: 'B1', groupId: 'G1', status: 'ACTIVIST', validFrom: '2020-06-01', validTo: '2021-02-01' },
      { branchId: 'B2', groupId: null, status: 'ACTIVIST', validFrom: '2021-02-01', validTo: '2021-03-01' },
      { branchId: 'B2', groupId: 'G2', status: 'ACTIVIST', validFrom: '2021-03-01', validTo: '2022-01-01' },
    ]);
    const first = await store.collection<MembershipDocument>(MEMBERSHIPS).findOne({ _id: 'm1@2020-01-01' });
    expect(first).toMatchObject({ memberId: 'm1', name: 'Name of m1' });
    // Each interval: when the fact that started it was recorded, and when the fact that ended it was.
    expect(await recordedTimesOf(store, 'm1')).toEqual([
      { validFrom: '2020-01-01', recordedAt: registration.recordedAt, endRecordedAt: advance.recordedAt },
      { validFrom: '2020-06-01', recordedAt: advance.recordedAt, endRecordedAt: acceptance.recordedAt },
      { validFrom: '2021-02-01', recordedAt: acceptance.recordedAt, endRecordedAt: assignment.recordedAt },
      { validFrom: '2021-03-01', recordedAt: assignment.recordedAt, endRecordedAt: leaving.recordedAt },
    ]);
  });

  it.each([1, 100])('a change recorded late, after the leaving, starts and ends intervals with its own recorded time (batch size %i)', async (batchSize) => {
    const log = logWithTree();
    const registration = log.record('2020-01-01', registered('m1', 'B1'));
    const leaving = log.record('2022-01-01', left('m1', 'B1'));
    const lateAdvance = log.record('2021-01-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
    const store = await freshStore();
    await project(store, log.events, batchSize);

    expect(await recordedTimesOf(store, 'm1')).toEqual([
      { validFrom: '2020-01-01', recordedAt: registration.recordedAt, endRecordedAt: lateAdvance.recordedAt },
      { validFrom: '2021-01-01', recordedAt: lateAdvance.recordedAt, endRecordedAt: leaving.recordedAt },
    ]);
    // The late interval was ended by a fact recorded before it.
    expect(leaving.recordedAt < lateAdvance.recordedAt).toBe(true);
  });

  it('an open interval has no end recorded time', async () => {
    const log = logWithTree();
    const registration = log.record('2020-01-01', registered('m1', 'B1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await recordedTimesOf(store, 'm1')).toEqual([{ validFrom: '2020-01-01', recordedAt: registration.recordedAt, endRecordedAt: null }]);
  });

  it('changes on the same day make one interval with the last state of that day', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    log.record('2020-01-01', groupAssigned('m1', 'B1', 'G1', null));
    const store = await freshStore();
    await project(store, log.events, 1);

    expect(await membershipsOf(store, 'm1')).toEqual([{ branchId: 'B1', groupId: 'G1', status: 'APPLICANT', validFrom: '2020-01-01', validTo: null }]);
  });

  it('activeOn finds who belonged to a branch on a date', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    log.record('2020-01-01', registered('m2', 'B1'));
    log.record('2021-01-01', left('m2', 'B1'));
    const store = await freshStore();
    await project(store, log.events);
    const inB1On = async (date: string): Promise<string[]> =>
      (await store.collection<MembershipDocument>(MEMBERSHIPS).find({ ...activeOn(date), branchId: 'B1' }, { sort: { name: 1 } })).map((m) => m.memberId);

    expect(await inB1On('2020-12-31')).toEqual(['m1', 'm2']);
    expect(await inB1On('2021-01-01')).toEqual(['m1']);
  });
});

describe('unitYears', () => {
  it('lists aligned blocks of years, the fewest covering the interval, for the branch and the group', () => {
    expect(unitYearsOf(['B1', 'G1'], { validFrom: '2015-03-01', validTo: '2024-06-01' })).toEqual([
      'B1:2015',
      'B1:2016-2023',
      'B1:2024',
      'G1:2015',
      'G1:2016-2023',
      'G1:2024',
    ]);
    // validTo is exclusive: ending on 1 January does not reach that year.
    expect(unitYearsOf(['B1', null], { validFrom: '2021-05-01', validTo: '2023-01-01' })).toEqual(['B1:2021', 'B1:2022']);
    expect(unitYearsOf(['B1', null], { validFrom: '1900-01-01', validTo: '2030-01-01' })).toEqual([
      'B1:1900-1903',
      'B1:1904-1919',
      'B1:1920-1983',
      'B1:1984-2015',
      'B1:2016-2023',
      'B1:2024-2027',
      'B1:2028-2029',
    ]);
    expect(unitYearsOf(['B1', 'G1'], { validFrom: '2020-05-01', validTo: null })).toEqual(['B1:open', 'G1:open']);
  });

  it('a date looks up every interval in force on it, and of closed ones only those overlapping its year', () => {
    const dates = ['1998-12-31', '1999-01-01', '2000-01-01', '2000-06-15', '2003-07-01', '2016-01-01', '2023-12-31', '2024-01-01', '2031-02-28'];
    const intervals: Interval[] = [
      { validFrom: '2000-01-01', validTo: null },
      { validFrom: '2024-01-01', validTo: null },
    ];
    for (const from of dates) for (const to of dates) if (to > from) intervals.push({ validFrom: from, validTo: to });
    for (const interval of intervals) {
      const keys = new Set(unitYearsOf(['B1', null], interval));
      for (const date of dates) {
        const lookedUp = (membershipsInUnitsOn(['B1'], date).unitYears as { $in: string[] }).$in.some((key) => keys.has(key));
        const year = date.slice(0, 4);
        const overlapsYear = interval.validTo === null || (interval.validFrom.slice(0, 4) <= year && interval.validTo > `${year}-01-01`);
        expect({ interval, date, lookedUp }).toEqual({ interval, date, lookedUp: overlapsYear });
        if (isActiveOn(interval, date)) expect(lookedUp).toBe(true);
      }
    }
  });

  it('membershipsInUnitsOn finds the memberships of a branch or a group in force on a date', async () => {
    const log = logWithTree();
    log.record('2010-01-01', registered('m1', 'B1', 'G1'));
    log.record('2012-06-01', groupAssigned('m1', 'B1', 'G1b', 'G1'));
    log.record('2019-01-01', registered('m2', 'B1'));
    log.record('2023-01-01', left('m2', 'B1'));
    const store = await freshStore();
    await project(store, log.events);
    const inUnitOn = async (unitId: string, date: string): Promise<string[]> =>
      (await store.collection<MembershipDocument>(MEMBERSHIPS).find(membershipsInUnitsOn([unitId], date), { sort: { name: 1 } })).map((m) => m.memberId);

    expect(await inUnitOn('B1', '2011-01-01')).toEqual(['m1']);
    expect(await inUnitOn('G1', '2012-05-31')).toEqual(['m1']);
    expect(await inUnitOn('G1', '2012-06-01')).toEqual([]);
    expect(await inUnitOn('G1b', '2030-01-01')).toEqual(['m1']);
    expect(await inUnitOn('B1', '2022-12-31')).toEqual(['m1', 'm2']);
    expect(await inUnitOn('B1', '2023-01-01')).toEqual(['m1']);
  });
});

describe('members', () => {
  it('the current member follows transfers and group changes, and has no branch after leaving', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2021-01-10', transferRequested('t1', 'm1', 'B1', 'B2', '2021-04-10'));
    const store = await freshStore();
    await project(store, log.events);
    expect(await member(store, 'm1')).toMatchObject({
      status: 'APPLICANT',
      registeredOn: '2020-01-01',
      branchId: 'B1',
      groupId: 'G1',
      openTransfer: { transferId: 't1', toBranchId: 'B2', requestedOn: '2021-01-10', expiresOn: '2021-04-10' },
    });

    const more = [log.record('2021-02-01', transferAccepted('t1', 'm1', 'B1', 'B2', 'G1')), log.record('2021-03-01', groupAssigned('m1', 'B2', 'G2', null))];
    await project(store, more);
    expect(await member(store, 'm1')).toMatchObject({ branchId: 'B2', groupId: 'G2', openTransfer: null });

    const leaving = log.record('2022-01-01', left('m1', 'B2', 'DIED'));
    await project(store, [leaving]);
    expect(await member(store, 'm1')).toMatchObject({
      status: 'LEFT',
      branchId: null,
      groupId: null,
      leftOn: '2022-01-01',
      leaveReason: 'DIED',
      position: leaving.position,
      recordedAt: leaving.recordedAt,
    });
  });

  it('joinedOn comes from a stage advance that sets it, and survives advances recorded without it', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', null, 'CANDIDATE'));
    log.record('2020-05-01', advanced('m1', 'CANDIDATE', 'PROBATIONARY', '2020-05-01'));
    log.record('2021-05-01', advanced('m1', 'PROBATIONARY', 'FULL'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await member(store, 'm1')).toMatchObject({ status: 'FULL', joinedOn: '2020-05-01' });
  });
});

describe('a correction of a member’s details', () => {
  const corrected = (name: string, previousName: string, joinedOn: string | null, previousJoinedOn: string | null): OrgEvent => ({
    type: 'MemberDetailsCorrected',
    data: { memberId: 'm1', name, previousName, joinedOn, previousJoinedOn, reason: 'Mistyped' },
  });

  it.each([1, 3])('corrects the member and every membership, before the correction’s date too (batches of %i)', async (batchSize) => {
    const log = logWithTree();
    const registration = log.record('2020-01-01', registered('m1', 'B1', 'G1', 'PROBATIONARY'));
    log.record('2021-01-10', transferRequested('t1', 'm1', 'B1', 'B2', '2021-04-10'));
    const acceptance = log.record('2021-02-01', transferAccepted('t1', 'm1', 'B1', 'B2', 'G1'));
    log.record('2022-05-01', corrected('李华', 'Name of m1', '2019-07-01', null));
    const store = await freshStore();
    await project(store, log.events, batchSize);

    expect(await member(store, 'm1')).toMatchObject({ name: '李华', joinedOn: '2019-07-01', branchId: 'B2' });
    const memberships = await store.collection<MembershipDocument>(MEMBERSHIPS).find({ memberId: 'm1' }, { sort: { validFrom: 1 } });
    expect(memberships.map(({ name, branchId, validFrom, validTo }) => ({ name, branchId, validFrom, validTo }))).toEqual([
      { name: '李华', branchId: 'B1', validFrom: '2020-01-01', validTo: '2021-02-01' },
      { name: '李华', branchId: 'B2', validFrom: '2021-02-01', validTo: null },
    ]);
    // A correction moves nobody: the intervals keep the recorded times of the facts that started them.
    expect(await recordedTimesOf(store, 'm1')).toEqual([
      { validFrom: '2020-01-01', recordedAt: registration.recordedAt, endRecordedAt: acceptance.recordedAt },
      { validFrom: '2021-02-01', recordedAt: acceptance.recordedAt, endRecordedAt: null },
    ]);
  });
});
