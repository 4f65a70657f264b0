import type { OverlappingPairing } from '../../domain/pairings/pairing.commands';
import type { Filter, ReadStore } from '../../readstore/readStore';
import {
  MEMBERS,
  OFFICER_TERMS,
  PAIRINGS,
  UNITS,
  activeOn,
  type MemberDocument,
  type OfficerTermDocument,
  type PairingDocument,
  type UnitDocument,
} from '../../../projections';

/**
 * Pairings that span aggregates (one adviser per village, no identical pairing twice), read from
 * the `pairings` read model; callers first wait until it includes everything recorded.
 */
export class PairingReadFacts {
  constructor(private readonly readStore: ReadStore) {}

  /**
   * A pairing of `kind` with this counterpart (and party, when given) whose interval has not ended
   * by `date`: it holds on `date`, or it holds later, and a new open pairing from `date` would overlap it.
   */
  async overlapping(criteria: { kind: string; counterpartKey: string; partyId?: string }, date: string): Promise<OverlappingPairing | null> {
    const filter: Filter = { counterpartKey: criteria.counterpartKey, kind: criteria.kind, $or: [{ validTo: null }, { validTo: { $gt: date } }] };
    if (criteria.partyId !== undefined) filter.partyId = criteria.partyId;
    const found = await this.readStore.collection<PairingDocument>(PAIRINGS).findOne(filter, { sort: { validFrom: 1 } });
    if (found === null) return null;
    return { pairingId: found._id, partyId: found.partyId, partyName: await this.nameOf(found), startOn: found.validFrom };
  }

  /** Whether the member was in office (an officer term in force) on `date`. */
  async holdsOffice(memberId: string, date: string): Promise<boolean> {
    return (await this.readStore.collection<OfficerTermDocument>(OFFICER_TERMS).findOne({ memberId, ...activeOn(date) }, { projection: { _id: 1 } })) !== null;
  }

  private async nameOf(pairing: PairingDocument): Promise<string> {
    const named =
      pairing.partyKind === 'MEMBER'
        ? await this.readStore.collection<MemberDocument>(MEMBERS).findOne({ _id: pairing.partyId }, { projection: { name: 1 } })
        : await this.readStore.collection<UnitDocument>(UNITS).findOne({ _id: pairing.partyId }, { projection: { name: 1 } });
    return named?.name ?? pairing.partyId;
  }
}
