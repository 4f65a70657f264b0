import { streamOfEvent } from '../../../src/domain/aggregates';
import type { OrgEvent, PositionedEvent } from '../../../src/domain/events';
import type { LeaveReason, MemberStage } from '../../../src/domain/members/memberStatus';
import type { UnitLevel } from '../../../src/domain/units/unitLevel';
import { encodePosition } from '../../../src/eventstore/position';

/** Builds a log of PositionedEvents: each event recorded after the previous one. */
export class EventLog {
  readonly events: PositionedEvent[] = [];

  /** Records `event` as taking effect on `effectiveDate`; returns it positioned. */
  record(effectiveDate: string, event: OrgEvent): PositionedEvent {
    const sequence = this.events.length + 1;
    const stream = event.type === 'EventRetracted' ? this.streamOf(event.data.eventId) : streamOfEvent(event)!;
    const positioned = {
      ...event,
      id: `event-${sequence}`,
      stream,
      position: encodePosition(BigInt(sequence)),
      revision: this.events.filter((earlier) => earlier.stream === stream).length,
      effectiveDate,
      recordedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, sequence)).toISOString(),
    };
    this.events.push(positioned);
    return positioned;
  }

  private streamOf(eventId: string): string {
    const target = this.events.find((event) => event.id === eventId);
    if (target === undefined) throw new Error(`No event ${eventId} in this log`);
    return target.stream;
  }
}

export const established = (unitId: string, level: UnitLevel, parentId: string | null, name = unitId): OrgEvent => ({
  type: 'UnitEstablished',
  data: { unitId, level, name, code: `${unitId}-code`, parentId },
});
export const renamed = (unitId: string, name: string, previousName: string): OrgEvent => ({ type: 'UnitRenamed', data: { unitId, name, previousName } });
export const moved = (unitId: string, parentId: string, previousParentId: string): OrgEvent => ({
  type: 'UnitMoved',
  data: { unitId, parentId, previousParentId },
});
export const dissolved = (unitId: string): OrgEvent => ({ type: 'UnitDissolved', data: { unitId, reason: null } });

export const registered = (memberId: string, branchId: string, groupId: string | null = null, status: MemberStage = 'APPLICANT'): OrgEvent => ({
  type: 'MemberRegistered',
  data: { memberId, name: `Name of ${memberId}`, branchId, groupId, status, joinedOn: null },
});
export const advanced = (memberId: string, from: MemberStage, to: MemberStage, joinedOn?: string | null): OrgEvent => ({
  type: 'MemberStageAdvanced',
  data: joinedOn === undefined ? { memberId, from, to } : { memberId, from, to, joinedOn },
});
export const groupAssigned = (memberId: string, branchId: string, groupId: string | null, previousGroupId: string | null): OrgEvent => ({
  type: 'MemberGroupAssigned',
  data: { memberId, branchId, groupId, previousGroupId },
});
export const transferRequested = (transferId: string, memberId: string, fromBranchId: string, toBranchId: string, expiresOn: string): OrgEvent => ({
  type: 'TransferRequested',
  data: { transferId, memberId, fromBranchId, toBranchId, reason: 'moved house', expiresOn },
});
export const transferAccepted = (
  transferId: string,
  memberId: string,
  fromBranchId: string,
  toBranchId: string,
  fromGroupId: string | null = null,
): OrgEvent => ({
  type: 'TransferAccepted',
  data: { transferId, memberId, fromBranchId, toBranchId, fromGroupId },
});
export const transferRejected = (transferId: string, memberId: string, reason: string | null = null): OrgEvent => ({
  type: 'TransferRejected',
  data: { transferId, memberId, reason },
});
export const transferExpired = (transferId: string, memberId: string): OrgEvent => ({ type: 'TransferExpired', data: { transferId, memberId } });
export const left = (memberId: string, branchId: string, reason: LeaveReason = 'WITHDREW'): OrgEvent => ({
  type: 'MemberLeft',
  data: { memberId, branchId, reason, note: null },
});
