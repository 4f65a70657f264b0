import { OFFICER_ROLES } from '../../domain/leadership/officerRole';
import { addDays } from '../../domain/shared/localDate';
import type { Filter, ReadStore } from '../../readstore/readStore';
import { OFFICER_TERMS, UNIT_VERSIONS, activeOn, type OfficerTermDocument, type UnitVersionDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';

/** Secretary first, then deputies, committee members, group leaders; by member id within a role. */
export function byRank(a: OfficerTermDocument, b: OfficerTermDocument): number {
  const rank = OFFICER_ROLES.indexOf(a.role) - OFFICER_ROLES.indexOf(b.role);
  return rank !== 0 ? rank : a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/** Reads of the `officerTerms` read model. */
export class LeadershipQueries {
  constructor(private readonly store: ReadStore) {}

  private get terms() {
    return this.store.collection<OfficerTermDocument>(OFFICER_TERMS);
  }

  /** The officers of each unit in office on `date`, secretary first. */
  async officersOf(unitIds: readonly string[], date: string): Promise<Map<string, OfficerTermDocument[]>> {
    const found = await this.terms.find({ unitId: { $in: [...unitIds] }, ...activeOn(date) });
    return groupBy(found.sort(byRank), (term) => term.unitId);
  }

  /** Every term of each member that had begun by `date` (ended ones included), oldest first. */
  async officesOf(memberIds: readonly string[], date: string): Promise<Map<string, OfficerTermDocument[]>> {
    const found = await this.terms.find({ memberId: { $in: [...memberIds] }, validFrom: { $lte: date } }, { sort: { validFrom: 1, _id: 1 } });
    return groupBy(found, (term) => term.memberId);
  }

  /**
   * Terms in office on `asOf` that run out within `within` days of it, soonest first: those already
   * past their end (lapsed: the unit held no new election) come first. With `unitId`, only that
   * unit and the units under it on `asOf`.
   */
  async expiring(within: number, asOf: string, unitId: string | null): Promise<OfficerTermDocument[]> {
    const filter: Filter = { ...activeOn(asOf), termEndsOn: { $lte: addDays(asOf, within) } };
    if (unitId !== null) filter.unitId = { $in: await this.subtreeOn(unitId, asOf) };
    const found = await this.terms.find(filter);
    return found.sort((a, b) =>
      a.termEndsOn !== b.termEndsOn ? (a.termEndsOn < b.termEndsOn ? -1 : 1) : a.unitId !== b.unitId ? (a.unitId < b.unitId ? -1 : 1) : byRank(a, b),
    );
  }

  private async subtreeOn(unitId: string, date: string): Promise<string[]> {
    const below = await this.store.collection<UnitVersionDocument>(UNIT_VERSIONS).find({ ancestors: unitId, ...activeOn(date) }, { projection: { unitId: 1 } });
    return [...new Set([unitId, ...below.map((version) => version.unitId)])];
  }
}
