import { print } from 'graphql';
import { EventsDocument, OrgEventsDocument, RecordMeetingDocument, RetractEventDocument, type OrgEventsSubscription } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { dateIn, type Clock } from '../../../src/app/clock';
import { collect, startTestServer, TODAY, type TestServer } from '../support/testServer';

const FLAG_TYPES = ['AttendanceFlagRaised', 'AttendanceFlagCleared'];

/**
 * Attendance flags are derived from meetings and memberships; the watcher `orgtrack serve` starts
 * records `AttendanceFlagRaised` / `AttendanceFlagCleared` when a member's flag (as of today)
 * changes, and the events reach `events` and `orgEvents` like any other.
 */
describe('attendance flag events over GraphQL', () => {
  let server: TestServer;
  let tree: Tree;
  const failures: unknown[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    server.app.attendanceFlagWatcher.start((error) => failures.push(error));
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });
  afterEach(() => {
    expect(failures).toEqual([]);
  });

  /** Records a theme party day of branch A1 and waits until the watcher has reassessed whom it lists. */
  async function partyDay(heldOn: string, attendees: string[], absent: string[] = []): Promise<string> {
    const { recordMeeting } = await server.ok(RecordMeetingDocument, { input: { unitId: tree.branchA1, kind: 'THEME_PARTY_DAY', heldOn, attendees, absent } });
    await server.app.attendanceFlagWatcher.settled();
    return recordMeeting.eventIds[0];
  }

  async function flagEvents(memberId: string) {
    const { events } = await server.ok(EventsDocument, { filter: { memberId, categories: ['attendanceflag'] }, first: 50 });
    return events.edges.map((edge) => edge.node);
  }

  it('three unexcused absences in a row raise the flag once; a meeting they attended, recorded late, clears it', async () => {
    const steady = await register(server, '张三', tree.branchA1, '2016-01-01');
    const missing = await register(server, '赵六', tree.branchA1, '2016-01-01');
    const client = server.wsClient();
    const live = collect<OrgEventsSubscription>(client, print(OrgEventsDocument), { filter: { unitId: tree.committeeA, types: FLAG_TYPES } }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await partyDay('2026-03-08', [steady], [missing]);
    await partyDay('2026-04-08', [steady], [missing]);
    expect(await flagEvents(missing)).toEqual([]);
    await partyDay('2026-05-08', [steady], [missing]);

    const [raise] = await flagEvents(missing);
    expect(raise).toMatchObject({
      type: 'AttendanceFlagRaised',
      stream: `attendanceflag-${missing}`,
      effectiveDate: TODAY,
      data: {
        memberId: missing,
        branchId: tree.branchA1,
        reason: 'CONSECUTIVE',
        unexcusedAbsences: 3,
        longestRun: 3,
        partyDays: 3,
        absentOn: ['2026-03-08', '2026-04-08', '2026-05-08'],
        lastAbsentOn: '2026-05-08',
        asOf: TODAY,
      },
    });
    // Another absence while flagged, and a sweep, record nothing more.
    await partyDay('2026-06-08', [steady], [missing]);
    expect(await server.app.attendanceFlagWatcher.sweep()).toBe(0);
    expect((await flagEvents(missing)).map((event) => event.type)).toEqual(['AttendanceFlagRaised']);
    expect(await flagEvents(steady)).toEqual([]);

    // Recorded late: they were at a theme party day between the absences; 2 in a row and 4 in total remain.
    await partyDay('2026-04-20', [steady, missing]);
    expect((await flagEvents(missing)).map((event) => [event.type, event.data])).toEqual([
      ['AttendanceFlagRaised', raise.data],
      [
        'AttendanceFlagCleared',
        { memberId: missing, branchId: tree.branchA1, reason: 'BELOW_THRESHOLD', unexcusedAbsences: 4, longestRun: 2, raisedOn: TODAY, asOf: TODAY },
      ],
    ]);
    // Subscribers to the committee's subtree heard both, in order.
    const heard = (await live).map((result) => result.data!.orgEvents);
    expect(heard.map((event) => [event.type, event.data.memberId])).toEqual([
      ['AttendanceFlagRaised', missing],
      ['AttendanceFlagCleared', missing],
    ]);
    expect(await flagEvents(missing)).toHaveLength(2);
  });

  it('retracting one of the absences clears the flag', async () => {
    const steady = await register(server, '李四', tree.branchA1, '2016-01-01');
    const missing = await register(server, '钱七', tree.branchA1, '2016-01-01');
    const recorded = [];
    for (const heldOn of ['2026-02-08', '2026-03-08', '2026-04-08']) recorded.push(await partyDay(heldOn, [steady], [missing]));
    expect((await flagEvents(missing)).map((event) => event.type)).toEqual(['AttendanceFlagRaised']);

    await server.ok(RetractEventDocument, { input: { eventId: recorded[1], reason: 'Recorded for the wrong branch' } });
    await server.app.attendanceFlagWatcher.settled();

    const events = await flagEvents(missing);
    expect(events.map((event) => event.type)).toEqual(['AttendanceFlagRaised', 'AttendanceFlagCleared']);
    expect(events[1].data).toMatchObject({ reason: 'BELOW_THRESHOLD', unexcusedAbsences: 2, longestRun: 2 });
    // The flag stays cleared: nothing more to record.
    expect(await server.app.attendanceFlagWatcher.sweep()).toBe(0);
  });
});

describe('attendance flags as time passes', () => {
  /** A clock that can be moved on, in the organization's time zone. */
  let now = new Date(`${TODAY}T09:30:00Z`);
  const clock: Clock = { now: () => new Date(now), today: () => dateIn(now, 'Asia/Shanghai') };
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(() => server.close());

  it('the sweep clears a flag whose absences aged out of the twelve months, as of the new day', async () => {
    const tree = await buildTree(server);
    const steady = await register(server, '孙八', tree.branchA1, '2016-01-01');
    const missing = await register(server, '周九', tree.branchA1, '2016-01-01');
    for (const heldOn of ['2025-10-08', '2025-11-08', '2025-12-08']) {
      await server.ok(RecordMeetingDocument, { input: { unitId: tree.branchA1, kind: 'THEME_PARTY_DAY', heldOn, attendees: [steady], absent: [missing] } });
    }
    // Started on data already recorded: the first sweep raises the flag.
    const failures: unknown[] = [];
    server.app.attendanceFlagWatcher.start((error) => failures.push(error));
    await server.app.attendanceFlagWatcher.settled();
    expect(failures).toEqual([]);
    const types = async () =>
      (await server.ok(EventsDocument, { filter: { memberId: missing, types: FLAG_TYPES } })).events.edges.map((edge) => [
        edge.node.type,
        edge.node.effectiveDate,
      ]);
    expect(await types()).toEqual([['AttendanceFlagRaised', TODAY]]);

    now = new Date('2026-10-09T09:30:00Z');
    expect(await server.app.attendanceFlagWatcher.sweep()).toBe(1);
    expect(await types()).toEqual([
      ['AttendanceFlagRaised', TODAY],
      ['AttendanceFlagCleared', '2026-10-09'],
    ]);
  });
});
