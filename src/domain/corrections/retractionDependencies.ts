import type { NamingEvent } from './retraction.commands';
import type { StreamFact } from './retraction';

/** Events that bring a unit or member (or an award, a pairing) into being: everything after builds on them. */
const CREATIONS: ReadonlySet<string> = new Set(['UnitEstablished', 'MemberRegistered', 'AwardGranted', 'PairingAssigned']);
/** Changes of where a member belongs: a later change of place was decided from this one. */
const PLACEMENTS: ReadonlySet<string> = new Set(['TransferAccepted', 'MemberGroupAssigned', 'TransferRequested']);

/**
 * Whether `later`, a live event recorded after `target` in the same stream, was decided on a
 * state that included `target`, so that withdrawing `target` alone would leave it standing on
 * nothing (an acceptance without its request, a second stage advance without the first).
 */
export function buildsOnInStream(later: StreamFact, target: StreamFact): boolean {
  if (CREATIONS.has(target.type)) return true;
  switch (target.type) {
    case 'TransferRequested':
      return later.data.transferId === target.data.transferId;
    case 'TransferAccepted':
      return PLACEMENTS.has(later.type);
    case 'TransferRejected':
    case 'TransferExpired':
      return later.type === 'TransferRequested';
    case 'MemberStageAdvanced':
      // A correction carries the political birthday the advance may have set.
      return later.type === 'MemberStageAdvanced' || later.type === 'MemberDetailsCorrected';
    case 'MemberDetailsCorrected':
      // A later correction carries the values this one set.
      return later.type === 'MemberDetailsCorrected';
    case 'ElectionHeld':
      return (later.type === 'OfficerResigned' || later.type === 'OfficerRemoved') && later.data.electionId === target.data.electionId;
    default:
      return false;
  }
}

/**
 * Whether an event of another stream that names the target's subject depends on the target:
 * nothing may name a unit or member whose creation is withdrawn, and meetings and elections
 * checked that the member belonged to the unit on their date, which a change of place decided.
 */
export function dependsAcrossStreams(other: NamingEvent, target: StreamFact): boolean {
  if (target.type === 'UnitEstablished' || target.type === 'MemberRegistered') return true;
  if (target.type === 'TransferAccepted' || target.type === 'MemberGroupAssigned') {
    return (other.type === 'MeetingRecorded' || other.type === 'ElectionHeld') && other.effectiveDate >= target.effectiveDate;
  }
  if (target.type === 'MemberStageAdvanced') return other.type === 'ElectionHeld' && other.effectiveDate >= target.effectiveDate;
  return false;
}

/** Which subject's mentions elsewhere matter for a target, if any: a unit id or a member id. */
export function subjectNamedElsewhere(target: Pick<StreamFact, 'type' | 'data'>): { unitId: string } | { memberId: string } | null {
  if (target.type === 'UnitEstablished' && typeof target.data.unitId === 'string') return { unitId: target.data.unitId };
  const memberScoped =
    target.type === 'MemberRegistered' || target.type === 'TransferAccepted' || target.type === 'MemberGroupAssigned' || target.type === 'MemberStageAdvanced';
  if (memberScoped && typeof target.data.memberId === 'string') return { memberId: target.data.memberId };
  return null;
}
