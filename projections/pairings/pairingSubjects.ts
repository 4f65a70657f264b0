import type { PositionedEvent } from '../../src/domain/events';
import type { PairingEvent } from '../../src/domain/pairings/pairing.events';
import type { PlaceOn, SubjectRule, SubjectRules } from '../shared/subjectRule';

type PairingData = PairingEvent['data'];

/** The members a pairing event names: the party and an internal counterpart. */
function pairingMemberIds(data: PairingData): string[] {
  return [data.partyKind === 'MEMBER' ? data.partyId : null, data.counterpart.kind === 'MEMBER' ? data.counterpart.id : null].filter(
    (id): id is string => id !== null,
  );
}

/**
 * A pairing event is about its party and an internal counterpart, and about the branch and group
 * each member among them belonged to on the effective date (so a branch's feed shows its members' pairings).
 */
function pairingSubjects(data: PairingData, date: string, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  const memberIds = pairingMemberIds(data);
  const unitIds = [data.partyKind === 'UNIT' ? data.partyId : null, data.counterpart.kind === 'UNIT' ? data.counterpart.id : null];
  for (const memberId of memberIds) {
    const place = placeOn(memberId, date);
    if (place !== undefined) unitIds.push(place.branchId, place.groupId);
  }
  return { memberIds, unitIds: [...new Set(unitIds.filter((id): id is string => id !== null))] };
}

const aboutThePairing: SubjectRule<PositionedEvent<PairingEvent>> = {
  subjects: (event, facts) => pairingSubjects(event.data, event.effectiveDate, facts.placeOn),
  placesOf: (event) => pairingMemberIds(event.data),
};

export const pairingSubjectRules = { PairingAssigned: aboutThePairing, PairingEnded: aboutThePairing } satisfies SubjectRules<PairingEvent['type']>;
