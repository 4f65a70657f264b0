import { MEMBERS, MEMBERSHIPS, activeOn, type MemberDocument, type MembershipDocument } from '../../../projections';
import type { ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from './eventLog';
import { freshStore, project } from './projectionHarness';
import { logWithTree } from './tree';

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

describe('members', () => {
  it('the current member follows transfers and group changes, and has no branch after leaving', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2021-01-10', transferRequested('t1', 'm1', 'B1', 'B2', '2021-04-10'));
    const store = await freshStore();
    await project(store, log.events);
    expect(await member(store, 'm1')).toMatchObject({
      status: 'APPLICANT', registeredOn: '2020-01-01', branchId: 'B1', groupId: 'G1',
      openTransfer: { transferId: 't1', toBranchId: 'B2', requestedOn: '2021-01-10', expiresOn: '2021-04-10' },
    });

    const more = [
      log.record('2021-02-01', transferAccepted('t1', 'm1', 'B1', 'B2', 'G1')),
      log.record('2021-03-01', groupAssigned('m1', 'B2', 'G2', null)),
    ];
    await project(store, more);
    expect(await member(store, 'm1')).toMatchObject({ branchId: 'B2', groupId: 'G2', openTransfer: null });

    const leaving = log.record('2022-01-01', left('m1', 'B2', 'DIED'));
    await project(store, [leaving]);
    expect(await member(store, 'm1')).toMatchObject({
      status: 'LEFT', branchId: null, groupId: null, leftOn: '2022-01-01', leaveReason: 'DIED', position: leaving.position, recordedAt: leaving.recordedAt,
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
