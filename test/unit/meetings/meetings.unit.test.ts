import { ATTENDANCE, MEETINGS, EVENT_INDEX, type AttendanceDocument, type EventIndexDocument, type MeetingDocument } from '../../../projections';
import type { MeetingEvent } from '../../../src/domain/meetings/meeting.events';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const partyDay: MeetingEvent = {
  type: 'MeetingRecorded',
  data: {
    meetingId: 'mt1',
    unitId: 'B1',
    branchId: 'B1',
    kind: 'THEME_PARTY_DAY',
    heldOn: '2024-03-05',
    topic: null,
    attendees: ['m1'],
    excused: ['m2'],
    absent: ['m3'],
  },
};

describe('meetings and attendance', () => {
  it('one document per meeting and one attendance record per listed member, the same whatever the batch size', async () => {
    const log = logWithTree();
    for (const member of ['m1', 'm2', 'm3']) log.record('2020-01-01', registered(member, 'B1', null, 'FULL'));
    const meeting = log.record('2024-03-05', partyDay);
    for (const batchSize of [1, 2, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      await project(store, log.events);
      expect(await store.collection<MeetingDocument>(MEETINGS).findOne({ _id: 'mt1' })).toEqual({
        _id: 'mt1',
        unitId: 'B1',
        branchId: 'B1',
        kind: 'THEME_PARTY_DAY',
        heldOn: '2024-03-05',
        topic: null,
        attendees: ['m1'],
        excused: ['m2'],
        absent: ['m3'],
        recordedAt: meeting.recordedAt,
        position: meeting.position,
        version: 0,
      });
      const records = await store.collection<AttendanceDocument>(ATTENDANCE).find({ meetingId: 'mt1' }, { sort: { memberId: 1 } });
      expect(records.map((record) => [record._id, record.outcome, record.branchId, record.heldOn])).toEqual([
        ['mt1:m1', 'PRESENT', 'B1', '2024-03-05'],
        ['mt1:m2', 'EXCUSED', 'B1', '2024-03-05'],
        ['mt1:m3', 'ABSENT', 'B1', '2024-03-05'],
      ]);
      // The event is about the branch (and its ancestors) and every listed member.
      const entry = await store.collection<EventIndexDocument>(EVENT_INDEX).findOne({ eventId: meeting.id });
      expect(entry?.memberIds.sort()).toEqual(['m1', 'm2', 'm3']);
      expect(entry?.unitIds).toContain('B1');
      expect(entry?.unitIds).toContain('C1');
    }
  });
});
