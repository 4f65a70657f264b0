import {
  AcceptTransferDocument,
  EventsKnownAtDocument,
  MemberAtThreeMomentsDocument,
  MemberKnownAtDocument,
  MembersOfUnitKnownAtDocument,
  type MemberKnownAtQueryVariables,
  NothingRecordedYetDocument,
  RequestTransferDocument,
  RetractEventDocument,
  SubtreeKnownAtDocument,
  UnitMembersKnownAtDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { SteppingClock } from '../support/steppingClock';
import { firstError, startTestServer, type TestServer } from '../support/testServer';

/** Recorded times, in order: the tree and 李华 are set up in January... */
const SET_UP = '2026-01-05T02:00:00.000Z';
/** ...her transfer to A2, effective in January, is recorded only in March (a late entry)... */
const TRANSFER_REQUESTED = '2026-03-10T02:00:00.000Z';
const TRANSFER_ACCEPTED = '2026-03-10T02:05:00.000Z';
/** ...its acceptance is retracted in April, and something unrelated is recorded after that. */
const RETRACTED = '2026-04-01T02:00:00.000Z';
const LATER = '2026-04-05T02:00:00.000Z';

/** Moments to ask about. */
const BEFORE_ANYTHING = '2025-12-31T00:00:00.000Z';
const BEFORE_TRANSFER = '2026-02-01T00:00:00.000Z';
const AFTER_TRANSFER = '2026-03-20T00:00:00.000Z';
const AFTER_RETRACTION = '2026-04-02T00:00:00.000Z';

/** The effective date asked about: after the transfer took effect. */
const FEBRUARY = '2026-02-15';

describe('knownAt: root queries answer as the records stood at a recorded time', () => {
  let clock: SteppingClock;
  let server: TestServer;
  let tree: Tree;
  let li: string;
  let acceptId: string;

  beforeEach(async () => {
    clock = new SteppingClock(SET_UP);
    server = await startTestServer({ clock });
    tree = await buildTree(server);
    li = await register(server, '李华', tree.branchA1, '2025-06-01');

    clock.set(TRANSFER_REQUESTED);
    const request = await server.ok(RequestTransferDocument, { input: { memberId: li, toBranchId: tree.branchA2, effectiveDate: '2026-01-10' } });
    clock.set(TRANSFER_ACCEPTED);
    const accept = await server.ok(AcceptTransferDocument, { input: { transferId: request.requestTransfer.transfer!.id, effectiveDate: '2026-01-20' } });
    acceptId = accept.acceptTransfer.eventIds[0]!;
  });
  afterEach(() => server.close());

  async function retractAcceptance(): Promise<string> {
    clock.set(RETRACTED);
    const retraction = await server.ok(RetractEventDocument, { input: { eventId: acceptId, reason: 'Accepted by the wrong branch' } });
    clock.set(LATER);
    await register(server, '王五', tree.branchB1, '2026-04-01');
    return retraction.retractEvent.eventIds[0];
  }

  const branchOf = async (knownAt?: string): Promise<string | undefined> =>
    (await server.ok(MemberKnownAtDocument, { id: li, asOf: FEBRUARY, knownAt })).member?.branch?.id;

  const membersOfA2 = async (knownAt?: string): Promise<[number, number] | null> => {
    const unit = (await server.ok(UnitMembersKnownAtDocument, { id: tree.branchA2, asOf: FEBRUARY, knownAt })).unit;
    return unit ? [unit.memberCount, unit.members.totalCount] : null;
  };

  it('a late entry: before it was recorded, February showed the member in A1; since, in A2', async () => {
    expect(await branchOf(BEFORE_TRANSFER)).toBe(tree.branchA1);
    expect(await branchOf(AFTER_TRANSFER)).toBe(tree.branchA2);
    expect(await branchOf()).toBe(tree.branchA2);

    const before = (await server.ok(MemberKnownAtDocument, { id: li, asOf: FEBRUARY, knownAt: BEFORE_TRANSFER })).member!;
    expect(before.memberships.map((m) => [m.branchId, m.validFrom, m.validTo])).toEqual([[tree.branchA1, '2025-06-01', null]]);

    expect(await membersOfA2(BEFORE_TRANSFER)).toEqual([0, 0]);
    expect(await membersOfA2(AFTER_TRANSFER)).toEqual([1, 1]);
    expect(await membersOfA2()).toEqual([1, 1]);
  });

  it('nested fields answer from the moment of their root field', async () => {
    const subtree = async (knownAt: string) => {
      const { unit } = await server.ok(SubtreeKnownAtDocument, { id: tree.committeeA, asOf: FEBRUARY, knownAt });
      return Object.fromEntries(
        unit!.children.map((child) => [child.id, { count: child.memberCount, members: child.members.edges.map(({ node }) => [node.id, node.branch?.id]) }]),
      );
    };
    expect(await subtree(BEFORE_TRANSFER)).toEqual({
      [tree.branchA1]: { count: 1, members: [[li, tree.branchA1]] },
      [tree.branchA2]: { count: 0, members: [] },
    });
    expect(await subtree(AFTER_TRANSFER)).toEqual({
      [tree.branchA1]: { count: 0, members: [] },
      [tree.branchA2]: { count: 1, members: [[li, tree.branchA2]] },
    });
  });

  it('a retraction: known before it, February still shows A2; known after it, and now, A1', async () => {
    await retractAcceptance();

    expect(await branchOf(AFTER_TRANSFER)).toBe(tree.branchA2);
    expect(await membersOfA2(AFTER_TRANSFER)).toEqual([1, 1]);

    expect(await branchOf(AFTER_RETRACTION)).toBe(tree.branchA1);
    expect(await membersOfA2(AFTER_RETRACTION)).toEqual([0, 0]);
    expect(await branchOf()).toBe(tree.branchA1);
    expect(await membersOfA2()).toEqual([0, 0]);
  });

  it('events(knownAt) lists only the events recorded by then, with retractedBy as recorded then', async () => {
    const retractionId = await retractAcceptance();
    const log = async (knownAt?: string) =>
      (await server.ok(EventsKnownAtDocument, { filter: { memberId: li }, knownAt })).events.edges.map(({ node }) => [
        node.type,
        node.retractedBy?.id ?? null,
        node.retracts?.id ?? null,
      ]);

    expect(await log(BEFORE_TRANSFER)).toEqual([['MemberRegistered', null, null]]);
    expect(await log(AFTER_TRANSFER)).toEqual([
      ['MemberRegistered', null, null],
      ['TransferRequested', null, null],
      ['TransferAccepted', null, null],
    ]);
    const sinceRetraction = [
      ['MemberRegistered', null, null],
      ['TransferRequested', null, null],
      ['TransferAccepted', retractionId, null],
      ['EventRetracted', null, acceptId],
    ];
    expect(await log(AFTER_RETRACTION)).toEqual(sinceRetraction);
    expect(await log()).toEqual(sinceRetraction);
  });

  it('before anything was recorded there is nothing to answer with', async () => {
    const result = await server.ok(NothingRecordedYetDocument, { unitId: tree.committeeA, memberId: li, knownAt: BEFORE_ANYTHING });
    expect(result).toEqual({ unit: null, member: null, units: { totalCount: 0 }, events: { totalCount: 0 } });

    const members = await server.request(MembersOfUnitKnownAtDocument, { unitId: tree.branchA1, asOf: FEBRUARY, knownAt: BEFORE_ANYTHING });
    expect(firstError(members)).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    // Known a little later, the same list has her.
    const known = await server.ok(MembersOfUnitKnownAtDocument, { unitId: tree.branchA1, asOf: FEBRUARY, knownAt: BEFORE_TRANSFER });
    expect(known.members.edges.map(({ node }) => node.id)).toEqual([li]);
  });

  it('the same moment asked twice is built once; different moments in one request each answer from their own', async () => {
    const ask = (knownAt: string): MemberKnownAtQueryVariables => ({ id: li, asOf: FEBRUARY, knownAt });
    const builds = server.app.knownAt.buildCount;

    await server.ok(MemberKnownAtDocument, ask(BEFORE_TRANSFER));
    expect(server.app.knownAt.buildCount).toBe(builds + 1);
    await server.ok(MemberKnownAtDocument, ask(BEFORE_TRANSFER));
    // The same instant written in another zone, and a moment that selects the same records.
    await server.ok(MemberKnownAtDocument, ask('2026-02-01T08:00:00+08:00'));
    await server.ok(MemberKnownAtDocument, ask('2026-02-20T00:00:00.000Z'));
    expect(server.app.knownAt.buildCount).toBe(builds + 1);

    const { before, after, now } = await server.ok(MemberAtThreeMomentsDocument, { id: li, asOf: FEBRUARY, before: BEFORE_TRANSFER, after: AFTER_TRANSFER });
    expect(before!.branch).toEqual({ id: tree.branchA1, memberCount: 1 });
    expect(after!.branch).toEqual({ id: tree.branchA2, memberCount: 1 });
    expect(now!.branch).toEqual({ id: tree.branchA2, memberCount: 1 });
    expect(server.app.knownAt.buildCount).toBe(builds + 1);
  });

  it('two earlier moments in one request: each root field and its nested fields answer from their own replay', async () => {
    await retractAcceptance();
    const builds = server.app.knownAt.buildCount;
    const { before, after, now } = await server.ok(MemberAtThreeMomentsDocument, { id: li, asOf: FEBRUARY, before: AFTER_TRANSFER, after: AFTER_RETRACTION });
    expect(before!.branch).toEqual({ id: tree.branchA2, memberCount: 1 });
    expect(after!.branch).toEqual({ id: tree.branchA1, memberCount: 1 });
    expect(now!.branch).toEqual({ id: tree.branchA1, memberCount: 1 });
    expect(server.app.knownAt.buildCount).toBe(builds + 2);
  });

  it('a malformed knownAt is refused as BAD_USER_INPUT naming knownAt, inline or as a variable', async () => {
    const builds = server.app.knownAt.buildCount;

    const inline = await server.raw(`{ member(id: "${li}", knownAt: "yesterday") { id } }`);
    expect(inline.data ?? null).toBeNull();
    expect(firstError(inline)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    expect(firstError(inline).message).toContain('knownAt');

    const variable = await server.request(MemberKnownAtDocument, { id: li, knownAt: 'yesterday' });
    expect(variable.data ?? null).toBeNull();
    expect(firstError(variable)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    expect(firstError(variable).message).toContain('knownAt');

    expect(server.app.knownAt.buildCount).toBe(builds);
  });

  it('a request may ask about at most four different recorded moments', async () => {
    const moments = [1, 2, 3, 4, 5].map((hour) => `2020-01-01T0${hour}:00:00.000Z`);
    const result = await server.raw(`{ ${moments.map((moment, at) => `m${at}: member(id: "${li}", knownAt: "${moment}") { id }`).join(' ')} }`);
    expect(result.errors).toHaveLength(1);
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    expect(firstError(result).message).toContain('at most 4');
  });
});
