import {
  ATTENDANCE_FLAG_STATES,
  EVENT_INDEX,
  PARTY_DAY_YEARS,
  type AttendanceFlagStateDocument,
  type EventIndexDocument,
  type PartyDayYearDocument,
} from '../../../projections';
import type { AttendanceFlagEvent } from '../../../src/domain/meetings/attendanceFlag.events';
import type { MeetingEvent } from '../../../src/domain/meetings/meeting.events';
import type { MeetingKind } from '../../../src/domain/meetings/meetingKind';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const meeting = (
  meetingId: string,
  heldOn: string,
  lists: { attendees?: string[]; excused?: string[]; absent?: string[] },
  kind: MeetingKind = 'THEME_PARTY_DAY',
): MeetingEvent => ({
  type: 'MeetingRecorded',
  data: {
    meetingId,
    unitId: 'B1',
    branchId: 'B1',
    kind,
    heldOn,
    topic: null,
    attendees: lists.attendees ?? ['m1'],
    excused: lists.excused ?? [],
    absent: lists.absent ?? [],
  },
});

/** m1 always present, m2 absent twice across a new year, m3 excused; a lecture that counts for nothing; one day recorded late. */
function history() {
  const log = logWithTree();
  for (const member of ['m1', 'm2', 'm3']) log.record('2020-01-01', registered(member, 'B1', null, 'FULL'));
  log.record('2024-11-08', meeting('mt1', '2024-11-08', { absent: ['m2'], excused: ['m3'] }));
  log.record('2025-01-08', meeting('mt2', '2025-01-08', { absent: ['m2'] }));
  log.record('2025-01-20', meeting('lecture', '2025-01-20', { absent: ['m2'] }, 'PARTY_LECTURE'));
  log.record('2024-12-08', meeting('mt3', '2024-12-08', { attendees: ['m1', 'm2'] }));
  return log;
}

describe("partyDayYears: each member's theme party days per calendar year", () => {
  it('one document per member and year, the days by outcome oldest first, marked when one is an unexcused absence; the same whatever the batching', async () => {
    const log = history();
    const last = log.events[log.events.length - 1];
    for (const batchSize of [1, 3, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      await project(store, log.events.slice(-3), 1);
      const years = await store.collection<PartyDayYearDocument>(PARTY_DAY_YEARS).find({}, { sort: { _id: 1 } });
      expect(years.map(({ position: _, ...rest }) => rest)).toEqual([
        { _id: 'm1:2024', memberId: 'm1', year: '2024', presentOn: ['2024-11-08', '2024-12-08'], excusedOn: [], absentOn: [], absentMemberId: null },
        { _id: 'm1:2025', memberId: 'm1', year: '2025', presentOn: ['2025-01-08'], excusedOn: [], absentOn: [], absentMemberId: null },
        { _id: 'm2:2024', memberId: 'm2', year: '2024', presentOn: ['2024-12-08'], excusedOn: [], absentOn: ['2024-11-08'], absentMemberId: 'm2' },
        { _id: 'm2:2025', memberId: 'm2', year: '2025', presentOn: [], excusedOn: [], absentOn: ['2025-01-08'], absentMemberId: 'm2' },
        { _id: 'm3:2024', memberId: 'm3', year: '2024', presentOn: [], excusedOn: ['2024-11-08'], absentOn: [], absentMemberId: null },
      ]);
      expect(years.find((year) => year._id === 'm2:2024')?.position).toBe(last.position);
    }
  });
});

describe('attendanceFlagStates and the event index of flag events', () => {
  const raised: AttendanceFlagEvent = {
    type: 'AttendanceFlagRaised',
    data: {
      memberId: 'm2',
      branchId: 'B1',
      reason: 'CONSECUTIVE',
      unexcusedAbsences: 3,
      longestRun: 3,
      partyDays: 3,
      absentOn: ['2025-01-08', '2025-02-08', '2025-03-08'],
      lastAbsentOn: '2025-03-08',
      asOf: '2025-03-10',
    },
  };
  const cleared: AttendanceFlagEvent = {
    type: 'AttendanceFlagCleared',
    data: { memberId: 'm2', branchId: 'B1', reason: 'BELOW_THRESHOLD', unexcusedAbsences: 2, longestRun: 2, raisedOn: '2025-03-10', asOf: '2025-04-01' },
  };

  it("keeps whether each member's flag is raised, as recorded; the events concern the member and their branch's subtree", async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m2', 'B1', null, 'FULL'));
    const raise = log.record('2025-03-10', raised);
    const store = await freshStore();
    await project(store, log.events);
    const states = store.collection<AttendanceFlagStateDocument>(ATTENDANCE_FLAG_STATES);
    expect(await states.findOne({ _id: 'm2' })).toEqual({
      _id: 'm2',
      raised: true,
      branchId: 'B1',
      reason: 'CONSECUTIVE',
      raisedOn: '2025-03-10',
      asOf: '2025-03-10',
      position: raise.position,
    });
    const entry = await store.collection<EventIndexDocument>(EVENT_INDEX).findOne({ eventId: raise.id });
    expect({ category: entry?.category, stream: entry?.stream, memberIds: entry?.memberIds, unitIds: entry?.unitIds.sort() }).toEqual({
      category: 'attendanceflag',
      stream: 'attendanceflag-m2',
      memberIds: ['m2'],
      unitIds: ['B1', 'C1', 'D1'],
    });

    const clear = log.record('2025-04-01', cleared);
    await project(store, log.events.slice(-2));
    expect(await states.findOne({ _id: 'm2' })).toEqual({
      _id: 'm2',
      raised: false,
      branchId: 'B1',
      reason: null,
      raisedOn: '2025-03-10',
      asOf: '2025-04-01',
      position: clear.position,
    });
  });
});
