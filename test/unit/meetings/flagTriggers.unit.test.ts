import { flagTriggers } from '../../../src/app/meetings/flagTriggers';
import type { OrgEvent, PositionedEvent } from '../../../src/domain/events';
import type { MeetingKind } from '../../../src/domain/meetings/meetingKind';

let sequence = 0;
const positioned = (event: OrgEvent): PositionedEvent => ({
  ...event,
  id: `e${++sequence}`,
  stream: 's',
  position: String(sequence).padStart(8, '0'),
  revision: 0,
  effectiveDate: '2026-01-08',
  recordedAt: '2026-01-08T00:00:00Z',
});

const meeting = (kind: MeetingKind): OrgEvent => ({
  type: 'MeetingRecorded',
  data: { meetingId: `mt-${kind}`, unitId: 'b1', branchId: 'b1', kind, heldOn: '2026-01-08', topic: null, attendees: ['m1'], excused: ['m2'], absent: ['m3'] },
});

describe('which members a batch of applied events makes the watcher reassess', () => {
  it('everyone listed at a theme party day, and members registered, leaving or transferred; retractions by id', () => {
    const batch = [
      meeting('THEME_PARTY_DAY'),
      meeting('BRANCH_COMMITTEE'),
      { type: 'MemberLeft', data: { memberId: 'm4', branchId: 'b1', reason: 'DIED', note: null } },
      { type: 'TransferAccepted', data: { transferId: 't1', memberId: 'm5', fromBranchId: 'b1', toBranchId: 'b2', fromGroupId: null } },
      { type: 'MemberStageAdvanced', data: { memberId: 'm6', from: 'PROBATIONARY', to: 'FULL' } },
      {
        type: 'AttendanceFlagRaised',
        data: {
          memberId: 'm3',
          branchId: 'b1',
          reason: 'CONSECUTIVE',
          unexcusedAbsences: 3,
          longestRun: 3,
          partyDays: 3,
          absentOn: [],
          lastAbsentOn: '2026-01-08',
          asOf: '2026-01-08',
        },
      },
      { type: 'EventRetracted', data: { eventId: 'e0', eventType: 'MeetingRecorded', reason: 'wrong branch' } },
    ].map((event) => positioned(event as OrgEvent));
    const triggers = flagTriggers(batch);
    expect([...triggers.memberIds].sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(triggers.retractionIds).toEqual([batch[6].id]);
  });
});
