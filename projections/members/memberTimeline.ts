import { type PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import type { MemberTimelineChange, MemberTimelineDocument, MembershipDocument } from './memberships.documents';
import { unitYearsOf } from './memberships.years';
import { segmentsOf } from '../shared/temporal';

/**
 * The timeline after `event`; undefined when the event does not change where the member
 * belongs, at which stage or under which name (transfer requests and their refusals), or finds no member.
 */
export function evolveMemberTimeline(timeline: MemberTimelineDocument | undefined, event: PositionedEvent<MemberEvent>): MemberTimelineDocument | undefined {
  const facts = { from: event.effectiveDate, recordedAt: event.recordedAt, position: event.position };
  if (event.type === 'MemberRegistered') {
    const { memberId, name, branchId, groupId, status } = event.data;
    return { _id: memberId, name, changes: [{ ...facts, branchId, groupId, status }], leftOn: null, leftRecordedAt: null, position: event.position };
  }
  if (timeline === undefined) return undefined;
  const current = timeline.changes[timeline.changes.length - 1];
  switch (event.type) {
    case 'MemberStageAdvanced':
      return withChange(timeline, { ...current, ...facts, status: event.data.to });
    case 'TransferAccepted':
      return withChange(timeline, { ...current, ...facts, branchId: event.data.toBranchId, groupId: null });
    case 'MemberGroupAssigned':
      return withChange(timeline, { ...current, ...facts, groupId: event.data.groupId });
    case 'MemberLeft':
      return { ...timeline, leftOn: event.effectiveDate, leftRecordedAt: event.recordedAt, position: event.position };
    case 'MemberDetailsCorrected':
      // A correction holds for every date: each membership carries the corrected name.
      return { ...timeline, name: event.data.name, position: event.position };
    case 'TransferRequested':
    case 'TransferRejected':
    case 'TransferExpired':
      return undefined;
    default:
      return assertNever(event);
  }
}

function withChange(timeline: MemberTimelineDocument, change: MemberTimelineChange): MemberTimelineDocument {
  return { ...timeline, changes: [...timeline.changes, change], position: change.position };
}

/** The member's memberships: one per segment of the timeline, the last closed when they left. */
export function membershipsOf(timeline: MemberTimelineDocument): MembershipDocument[] {
  return segmentsOf(timeline.changes, timeline.leftOn).map(({ change, validFrom, validTo, endedBy }) => ({
    _id: `${timeline._id}@${validFrom}`,
    memberId: timeline._id,
    name: timeline.name,
    branchId: change.branchId,
    groupId: change.groupId,
    status: change.status,
    validFrom,
    validTo,
    recordedAt: change.recordedAt,
    // Ended by the member's next change, else (when closed) by their leaving.
    endRecordedAt: endedBy?.recordedAt ?? (validTo === null ? null : timeline.leftRecordedAt),
    position: change.position,
    unitYears: unitYearsOf([change.branchId, change.groupId], { validFrom, validTo }),
  }));
}

/** What of the member's memberships their units' counts follow from (see `membershipsOf`), without making the documents. */
export function countedIntervalsOf(
  timeline: MemberTimelineDocument,
): Pick<MembershipDocument, 'branchId' | 'groupId' | 'validFrom' | 'validTo' | 'position'>[] {
  return segmentsOf(timeline.changes, timeline.leftOn).map(({ change, validFrom, validTo }) => ({
    branchId: change.branchId,
    groupId: change.groupId,
    validFrom,
    validTo,
    position: change.position,
  }));
}
