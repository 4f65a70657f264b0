import {
  AssignGroupDocument,
  AssignPairingRecordedTimesDocument,
  DissolveUnitDocument,
  EndPairingRecordedTimesDocument,
  GrantAwardRecordedTimesDocument,
  MemberHistoryRecordedTimesDocument,
  MemberLeftDocument,
  RecordElectionDocument,
  RenameUnitDocument,
  ResignOfficeDocument,
  RevokeAwardDocument,
  UnitHistoryRecordedTimesDocument,
  UnitOfficersRecordedTimesDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { startTestServer, TODAY, type TestServer } from '../support/testServer';
import { SteppingClock } from '../support/steppingClock';

/** When the tree and the members are set up. */
const T0 = `${TODAY}T09:30:00.000Z`;
/** When each later write is recorded. */
const T1 = `${TODAY}T10:00:00.000Z`;
const T2 = `${TODAY}T10:30:00.000Z`;
const T3 = `${TODAY}T11:00:00.000Z`;

/** The instant a DateTime denotes (compared as instants: the format of the zone may vary). */
const instant = (value: string | null): number | null => (value === null ? null : Date.parse(value));

type Recorded = { recordedAt: string; endRecordedAt: string | null };
const recordedTimes = ({ recordedAt, endRecordedAt }: Recorded): { recordedAt: number | null; endRecordedAt: number | null } => ({
  recordedAt: instant(recordedAt),
  endRecordedAt: instant(endRecordedAt),
});
const times = (recordedAt: string, endRecordedAt: string | null = null): { recordedAt: number | null; endRecordedAt: number | null } => ({
  recordedAt: instant(recordedAt),
  endRecordedAt: instant(endRecordedAt),
});

describe('history entries over GraphQL show both the effective date of each fact and the time it was recorded', () => {
  const clock = new SteppingClock(T0);
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    clock.set(T0);
    server = await startTestServer({ clock });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    clock.set(T0);
    tree = await buildTree(server);
  });

  it("Unit.history: a late rename shows its past effective date with today's recorded time, and ends the version before it", async () => {
    clock.set(T1);
    await server.ok(RenameUnitDocument, { input: { unitId: tree.groupA1y, name: '横班第一党小组', effectiveDate: '2019-05-01' } });
    clock.set(T2);
    await server.ok(DissolveUnitDocument, { input: { unitId: tree.groupA1y, effectiveDate: '2024-01-01' } });

    const { history } = (await server.ok(UnitHistoryRecordedTimesDocument, { id: tree.groupA1y })).unit!;
    expect(history.map(({ name, validFrom, validTo }) => ({ name, validFrom, validTo }))).toEqual([
      { name: '横班党小组', validFrom: '2015-03-01', validTo: '2019-05-01' },
      { name: '横班第一党小组', validFrom: '2019-05-01', validTo: '2024-01-01' },
    ]);
    expect(history.map(recordedTimes)).toEqual([times(T0, T1), times(T1, T2)]);
    // A late entry: the fact took effect years before the day it was recorded.
    expect(history[1].validFrom).not.toBe(history[1].recordedAt.slice(0, 10));
    expect(history[1].recordedAt.slice(0, 10)).toBe(TODAY);
  });

  it('Member.memberships: each interval has the recorded times of the facts that started and ended it', async () => {
    const id = await register(server, '陈七', tree.branchA1, '2016-01-01');
    clock.set(T1);
    await server.ok(AssignGroupDocument, { input: { memberId: id, groupId: tree.groupA1x, effectiveDate: '2018-01-01' } });
    clock.set(T2);
    await server.ok(MemberLeftDocument, { input: { memberId: id, reason: 'WITHDREW', effectiveDate: '2025-01-01' } });

    const { memberships } = (await server.ok(MemberHistoryRecordedTimesDocument, { id })).member!;
    expect(memberships.map(({ groupId, validFrom, validTo }) => ({ groupId, validFrom, validTo }))).toEqual([
      { groupId: null, validFrom: '2016-01-01', validTo: '2018-01-01' },
      { groupId: tree.groupA1x, validFrom: '2018-01-01', validTo: '2025-01-01' },
    ]);
    expect(memberships.map(recordedTimes)).toEqual([times(T0, T1), times(T1, T2)]);
    expect(memberships[1].validFrom).not.toBe(memberships[1].recordedAt.slice(0, 10));
  });

  it('Member.offices and Unit.officers: a term has the recorded time of its election and of the resignation or election that ended it', async () => {
    const zhang = await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    const li = await register(server, '李四', tree.branchA1, '2016-01-01');
    clock.set(T1);
    await server.ok(RecordElectionDocument, {
      input: {
        unitId: tree.branchA1,
        heldOn: '2020-03-15',
        officers: [
          { memberId: zhang, role: 'SECRETARY' },
          { memberId: li, role: 'DEPUTY_SECRETARY' },
        ],
      },
    });
    clock.set(T2);
    await server.ok(ResignOfficeDocument, { input: { unitId: tree.branchA1, memberId: li, reason: '工作调动', effectiveDate: '2021-01-01' } });
    clock.set(T3);
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchA1, heldOn: '2023-03-20', officers: [{ memberId: zhang, role: 'SECRETARY' }] } });

    const zhangsOffices = (await server.ok(MemberHistoryRecordedTimesDocument, { id: zhang })).member!.offices;
    expect(zhangsOffices.map(({ heldOn, validFrom, validTo }) => ({ heldOn, validFrom, validTo }))).toEqual([
      { heldOn: '2020-03-15', validFrom: '2020-03-15', validTo: '2023-03-20' },
      { heldOn: '2023-03-20', validFrom: '2023-03-20', validTo: null },
    ]);
    expect(zhangsOffices.map(recordedTimes)).toEqual([times(T1, T3), times(T3)]);
    expect(zhangsOffices[0].validFrom).not.toBe(zhangsOffices[0].recordedAt.slice(0, 10));

    const lisOffices = (await server.ok(MemberHistoryRecordedTimesDocument, { id: li })).member!.offices;
    expect(lisOffices.map(({ validTo }) => validTo)).toEqual(['2021-01-01']);
    expect(lisOffices.map(recordedTimes)).toEqual([times(T1, T2)]);

    // Like validTo, the end's recorded time is the one known now, also on a date before the end.
    const officers = (await server.ok(UnitOfficersRecordedTimesDocument, { id: tree.branchA1, asOf: '2020-06-30' })).unit!.officers;
    expect(officers.map((term) => ({ role: term.role, ...recordedTimes(term) }))).toEqual([
      { role: 'SECRETARY', ...times(T1, T3) },
      { role: 'DEPUTY_SECRETARY', ...times(T1, T2) },
    ]);
  });

  it('Member.pairings: the assignment and the end each return and keep the time they were recorded', async () => {
    const lawyer = await register(server, '李律师', tree.branchA1, '2016-01-01', tree.groupA1x);
    clock.set(T1);
    const assigned = (
      await server.ok(AssignPairingRecordedTimesDocument, {
        input: { kind: 'LEGAL_ADVISER', memberOrUnitId: lawyer, counterpart: { kind: 'VILLAGE', name: `张家村-${lawyer.slice(0, 8)}` }, startOn: '2018-03-01' },
      })
    ).assignPairing.pairing!;
    expect({ validFrom: assigned.validFrom, ...recordedTimes(assigned) }).toEqual({ validFrom: '2018-03-01', ...times(T1) });
    clock.set(T2);
    const ended = (await server.ok(EndPairingRecordedTimesDocument, { input: { pairingId: assigned.id, reason: '合同期满', effectiveDate: '2021-03-01' } }))
      .endPairing.pairing!;
    expect({ validTo: ended.validTo, ...recordedTimes(ended) }).toEqual({ validTo: '2021-03-01', ...times(T1, T2) });

    const { pairings } = (await server.ok(MemberHistoryRecordedTimesDocument, { id: lawyer })).member!;
    expect(pairings.map(({ id, startOn, validFrom, validTo }) => ({ id, startOn, validFrom, validTo }))).toEqual([
      { id: assigned.id, startOn: '2018-03-01', validFrom: '2018-03-01', validTo: '2021-03-01' },
    ]);
    expect(pairings.map(recordedTimes)).toEqual([times(T1, T2)]);
    expect(pairings[0].validFrom).not.toBe(pairings[0].recordedAt.slice(0, 10));
  });

  it("Member.awards: the grant's recorded time, and the revocation's once it is in effect on the asOf date", async () => {
    const id = await register(server, '王五', tree.branchB1, '2016-01-01');
    clock.set(T1);
    const granted = (
      await server.ok(GrantAwardRecordedTimesDocument, {
        input: { recipientId: id, title: 'OUTSTANDING_PARTY_WORKER', grantedById: tree.branchB1, effectiveDate: '2025-06-28' },
      })
    ).grantAward.award!;
    expect({ grantedOn: granted.grantedOn, ...recordedTimes(granted) }).toEqual({ grantedOn: '2025-06-28', ...times(T1) });
    clock.set(T2);
    await server.ok(RevokeAwardDocument, { input: { awardId: granted.id, reason: '受到党纪处分', effectiveDate: '2026-01-10' } });

    const awardsOn = async (asOf: string) => (await server.ok(MemberHistoryRecordedTimesDocument, { id, asOf })).member!.awards;
    const now = await awardsOn(TODAY);
    expect(now.map(({ grantedOn, revokedOn }) => ({ grantedOn, revokedOn }))).toEqual([{ grantedOn: '2025-06-28', revokedOn: '2026-01-10' }]);
    expect(now.map(recordedTimes)).toEqual([times(T1, T2)]);
    expect((await awardsOn('2025-12-31')).map(recordedTimes)).toEqual([times(T1)]);
  });
});
