import type { PairingEvent } from '../../src/domain/pairings/pairing.events';

type PairingData = PairingEvent['data'];

/** The members a pairing event names: the party and an internal counterpart. */
export function pairingMemberIds(data: PairingData): string[] {
  return [data.partyKind === 'MEMBER' ? data.partyId : null, data.counterpart.kind === 'MEMBER' ? data.counterpart.id : null].filter(
    (id): id is string => id !== null,
  );
}

/**
 * A pairing event is about its party and an internal counterpart, and about the branch and group
 * each member among them belonged to on the effective date (so a branch's feed shows its members' pairings).
 */
export function pairingSubjects(
  data: PairingData,
  date: string,
  placeOn: (memberId: string, date: string) => { branchId: string; groupId: string | null } | undefined,
): { memberIds: string[]; unitIds: string[] } {
  const memberIds = pairingMemberIds(data);
  const unitIds = [data.partyKind === 'UNIT' ? data.partyId : null, data.counterpart.kind === 'UNIT' ? data.counterpart.id : null];
  for (const memberId of memberIds) {
    const place = placeOn(memberId, date);
    if (place !== undefined) unitIds.push(place.branchId, place.groupId);
  }
  return { memberIds, unitIds: [...new Set(unitIds.filter((id): id is string => id !== null))] };
}
