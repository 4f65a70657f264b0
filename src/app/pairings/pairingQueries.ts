import { normalizedName } from '../../domain/pairings/counterpartKey';
import type { PairingKind } from '../../domain/pairings/pairingKind';
import type { Filter, ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  PAIRINGS,
  UNIT_VERSIONS,
  activeOn,
  membershipsInUnitsOn,
  type MembershipDocument,
  type PairingDocument,
  type UnitVersionDocument,
} from '../../../projections';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../queries/page';

export interface PairingSearch {
  /** An outside counterpart's name, matched after normalization (spacing, width, case). */
  counterpartName?: string;
  counterpartId?: string;
  kind?: PairingKind;
}

/** Pairings held on `date`, or with `includeEnded` every pairing started by then. */
function inForce(date: string, includeEnded: boolean): Filter {
  return includeEnded ? { validFrom: { $lte: date } } : activeOn(date);
}

const BY_START = { validFrom: 1, _id: 1 } as const;

/** Reads of the `pairings` read model. */
export class PairingQueries {
  constructor(private readonly store: ReadStore) {}

  private get pairings() {
    return this.store.collection<PairingDocument>(PAIRINGS);
  }

  /** The pairings of each member or unit, as party or as internal counterpart, oldest first. */
  async of(ids: readonly string[], date: string, includeEnded: boolean): Promise<Map<string, PairingDocument[]>> {
    const wanted = [...ids];
    const found = await this.pairings.find(
      { $and: [{ $or: [{ partyId: { $in: wanted } }, { counterpartId: { $in: wanted } }] }, inForce(date, includeEnded)] },
      { sort: BY_START },
    );
    const result = new Map<string, PairingDocument[]>(wanted.map((id) => [id, []]));
    for (const pairing of found) {
      result.get(pairing.partyId)?.push(pairing);
      if (pairing.counterpartId !== null && pairing.counterpartId !== pairing.partyId) result.get(pairing.counterpartId)?.push(pairing);
    }
    return result;
  }

  /**
   * The pairings held on `date` by each unit and the members who belonged to it then (with
   * `includeDescendants`, by its whole subtree), as party or internal counterpart. Read through
   * the indexes: the subtree from the unit versions' ancestors, its members from the memberships
   * by branch or group, then the pairings by party and counterpart id; no pass over all pairings.
   */
  async ofUnits(unitIds: readonly string[], date: string, includeDescendants: boolean): Promise<Map<string, PairingDocument[]>> {
    const unitsOf = new Map<string, Set<string>>(unitIds.map((unitId) => [unitId, new Set([unitId])]));
    if (includeDescendants) {
      const below = await this.store
        .collection<UnitVersionDocument>(UNIT_VERSIONS)
        .find({ ancestors: { $in: [...unitsOf.keys()] }, ...activeOn(date) }, { projection: { unitId: 1, ancestors: 1 } });
      for (const version of below) for (const ancestor of version.ancestors) unitsOf.get(ancestor)?.add(version.unitId);
    }
    const allUnits = [...new Set([...unitsOf.values()].flatMap((set) => [...set]))];
    const memberships = await this.store
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find(membershipsInUnitsOn(allUnits, date), { projection: { memberId: 1, branchId: 1, groupId: 1 } });
    const membersOfUnit = new Map<string, string[]>();
    for (const membership of memberships) {
      for (const unitId of [membership.branchId, membership.groupId]) {
        if (unitId === null) continue;
        const list = membersOfUnit.get(unitId);
        if (list === undefined) membersOfUnit.set(unitId, [membership.memberId]);
        else list.push(membership.memberId);
      }
    }
    const idsOf = new Map<string, Set<string>>();
    for (const [unitId, subtree] of unitsOf) {
      const ids = new Set(subtree);
      for (const member of [...subtree].flatMap((id) => membersOfUnit.get(id) ?? [])) ids.add(member);
      idsOf.set(unitId, ids);
    }
    const pairings = await this.of([...new Set([...idsOf.values()].flatMap((ids) => [...ids]))], date, false);
    const result = new Map<string, PairingDocument[]>();
    for (const [unitId, ids] of idsOf) {
      const held = new Map<string, PairingDocument>();
      for (const id of ids) for (const pairing of pairings.get(id) ?? []) held.set(pairing._id, pairing);
      result.set(
        unitId,
        [...held.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a._id < b._id ? -1 : 1)),
      );
    }
    return result;
  }

  async byIds(pairingIds: readonly string[]): Promise<Map<string, PairingDocument>> {
    const found = await this.pairings.find({ _id: { $in: [...pairingIds] } });
    return new Map(found.map((pairing) => [pairing._id, pairing]));
  }

  /** Pairings by counterpart and kind, held on `date` (or started by then), by start date. */
  async list(search: PairingSearch, date: string, includeEnded: boolean, page: PageRequest): Promise<Page<PairingDocument>> {
    const filter: Filter = { ...inForce(date, includeEnded) };
    if (search.counterpartName !== undefined) filter.counterpartNameKey = normalizedName(search.counterpartName);
    if (search.counterpartId !== undefined) filter.counterpartId = search.counterpartId;
    if (search.kind !== undefined) filter.kind = search.kind;
    let after: Filter | undefined;
    if (page.after) {
      const [validFrom, id] = decodeCursor(page.after, 2) as [string, string];
      after = { $or: [{ validFrom: { $gt: validFrom } }, { validFrom, _id: { $gt: id } }] };
    }
    const { documents: found, totalCount } = await this.pairings.findPage(filter, { sort: BY_START, limit: page.first + 1, after });
    const items = found.slice(0, page.first);
    return { items, cursors: items.map((pairing) => encodeCursor([pairing.validFrom, pairing._id])), hasNextPage: found.length > page.first, totalCount };
  }
}
