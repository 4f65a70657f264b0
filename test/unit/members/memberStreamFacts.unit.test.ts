import { randomUUID } from 'node:crypto';
import { memberStream } from '../../../src/domain/members/member.events';
import type { EventStore, JsonObject } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { currentMember } from '../../../src/app/members/memberHistory';
import { MemberStreamFacts } from '../../../src/app/members/memberStreamFacts';

/** Appends one event to the member's stream, dated `effectiveDate`; returns its id. */
async function record(store: EventStore, memberId: string, effectiveDate: string, type: string, data: JsonObject): Promise<string> {
  const id = randomUUID();
  await store.append(
    memberStream(memberId),
    [{ id, type, data, metadata: { effectiveDate, recordedAt: `${effectiveDate}T12:00:00.000Z`, schemaVersion: 1 } }],
    'any',
  );
  return id;
}

describe('MemberStreamFacts: the one fold of a member stream', () => {
  let store: EventStore;
  let facts: MemberStreamFacts;

  beforeEach(async () => {
    store = SqliteEventStore.open({ path: ':memory:' });
    facts = new MemberStreamFacts(store);
    await record(store, 'm1', '2014-01-01', 'MemberRegistered', {
      memberId: 'm1',
      name: '李明',
      branchId: 'B1',
      groupId: 'G1',
      status: 'APPLICANT',
      joinedOn: null,
    });
    await record(store, 'm1', '2016-04-01', 'TransferRequested', {
      transferId: 't1',
      memberId: 'm1',
      fromBranchId: 'B1',
      toBranchId: 'B2',
      reason: null,
      expiresOn: '2016-07-01',
    });
    await record(store, 'm1', '2016-05-01', 'TransferAccepted', { transferId: 't1', memberId: 'm1', fromBranchId: 'B1', toBranchId: 'B2', fromGroupId: 'G1' });
    await record(store, 'm1', '2019-01-01', 'MemberLeft', { memberId: 'm1', branchId: 'B2', reason: 'WITHDREW', note: null });
  });

  afterEach(async () => {
    await store.close();
  });

  it('counts a member as active from the day of registration until the day before they left', async () => {
    const activeOn = async (date: string): Promise<boolean | undefined> => (await facts.standingOn('m1', date))?.active;
    expect(await activeOn('2013-12-31')).toBe(false);
    expect(await activeOn('2014-01-01')).toBe(true);
    expect(await activeOn('2018-12-31')).toBe(true);
    expect(await activeOn('2019-01-01')).toBe(false);
  });

  it('gives the member as they stood on the date, and none before registration', async () => {
    expect(await facts.standingOn('m1', '2013-12-31')).toEqual({ memberId: 'm1', name: '李明', active: false, onDate: null });
    expect((await facts.standingOn('m1', '2016-04-30'))?.onDate).toMatchObject({ branchId: 'B1', groupId: 'G1', status: 'APPLICANT' });
    expect((await facts.standingOn('m1', '2016-05-01'))?.onDate).toMatchObject({ branchId: 'B2', groupId: null, status: 'APPLICANT' });
    expect((await facts.standingOn('m1', '2019-01-01'))?.onDate).toMatchObject({ branchId: 'B2', status: 'LEFT', leftOn: '2019-01-01' });
  });

  it('folds live events only: a retracted event and its retraction are left out', async () => {
    const advance = await record(store, 'm1', '2018-06-01', 'MemberStageAdvanced', { memberId: 'm1', from: 'APPLICANT', to: 'ACTIVIST' });
    await record(store, 'm1', '2018-06-01', 'EventRetracted', { eventId: advance, eventType: 'MemberStageAdvanced', reason: 'recorded by mistake' });
    const history = await facts.history('m1');
    expect(history?.steps.map((step) => step.effectiveDate)).toEqual(['2014-01-01', '2016-04-01', '2016-05-01', '2019-01-01']);
    expect((await facts.standingOn('m1', '2018-12-31'))?.onDate?.status).toBe('APPLICANT');
    expect(history && currentMember(history).leftOn).toBe('2019-01-01');
  });

  it('names no member for an unknown or empty id', async () => {
    expect(await facts.history('nobody')).toBeNull();
    expect(await facts.standingOn('nobody', '2020-01-01')).toBeNull();
    expect(await facts.standingOn('  ', '2020-01-01')).toBeNull();
  });

  it('gives the corrected name on every date, the correction holding before its own date too', async () => {
    await record(store, 'm1', '2019-01-01', 'MemberDetailsCorrected', {
      memberId: 'm1',
      name: '李铭',
      previousName: '李明',
      joinedOn: null,
      previousJoinedOn: null,
      reason: null,
    });
    expect((await facts.standingOn('m1', '2015-01-01'))?.name).toBe('李铭');
    expect((await facts.standingOn('m1', '2015-01-01'))?.onDate).toMatchObject({ name: '李铭', branchId: 'B1', joinedOn: null });
  });
});
