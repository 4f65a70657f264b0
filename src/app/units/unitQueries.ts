import type { UnitLevel } from '../../domain/units/unitLevel';
import type { Filter, ReadStore } from '../../readstore/readStore';
import { UNITS, UNIT_VERSIONS, activeOn, lastStartedOn, type UnitDocument, type UnitVersionDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../queries/page';

export interface UnitSearch {
  level?: UnitLevel;
  parentId?: string;
  /** Case-insensitive part of the name. */
  search?: string;
  /** Only this unit and those below it on the date (a caller's scope). */
  within?: string;
}

/** Reads of the unit read models. Every method is one or two read-store calls for any number of ids. */
export class UnitQueries {
  constructor(private readonly store: ReadStore) {}

  private get versions() {
    return this.store.collection<UnitVersionDocument>(UNIT_VERSIONS);
  }

  /**
   * Each unit as it stood on `date`: the version in force, or for a dissolved unit its last
   * version. Units not yet established on `date` are absent.
   */
  async versionsOn(unitIds: readonly string[], date: string): Promise<Map<string, UnitVersionDocument>> {
    const candidates = await this.versions.find({ unitId: { $in: [...unitIds] }, validFrom: { $lte: date } });
    const byUnit = groupBy(candidates, (version) => version.unitId);
    const result = new Map<string, UnitVersionDocument>();
    for (const [unitId, versions] of byUnit) {
      const version = lastStartedOn(versions, date);
      if (version) result.set(unitId, version);
    }
    return result;
  }

  async current(unitIds: readonly string[]): Promise<Map<string, UnitDocument>> {
    const units = await this.store.collection<UnitDocument>(UNITS).find({ _id: { $in: [...unitIds] } });
    return new Map(units.map((unit) => [unit._id, unit]));
  }

  /** Children active on `date` of each parent, sorted by name. */
  async childrenOn(parentIds: readonly string[], date: string): Promise<Map<string, UnitVersionDocument[]>> {
    const children = await this.versions.find({ parentId: { $in: [...parentIds] }, ...activeOn(date) }, { sort: { name: 1, unitId: 1 } });
    return groupBy(children, (child) => child.parentId ?? '');
  }

  /** Every version of each unit, oldest first. */
  async history(unitIds: readonly string[]): Promise<Map<string, UnitVersionDocument[]>> {
    const versions = await this.versions.find({ unitId: { $in: [...unitIds] } }, { sort: { validFrom: 1 } });
    return groupBy(versions, (version) => version.unitId);
  }

  /** Units of `level` active on `date` below each of `ancestorIds`. */
  async descendantsOn(ancestorIds: readonly string[], level: UnitLevel, date: string): Promise<UnitVersionDocument[]> {
    return this.versions.find({ ancestors: { $in: [...ancestorIds] }, level, ...activeOn(date) });
  }

  /** Units active on `date`, by name. */
  async search(criteria: UnitSearch, date: string, page: PageRequest): Promise<Page<UnitVersionDocument>> {
    const filter: Filter = { ...activeOn(date) };
    if (criteria.level) filter.level = criteria.level;
    if (criteria.parentId) filter.parentId = criteria.parentId;
    if (criteria.search) filter.name = { $regex: escapeRegExp(criteria.search), $options: 'i' };
    if (criteria.within) filter.$and = [{ $or: [{ unitId: criteria.within }, { ancestors: criteria.within }] }];
    let after: Filter | undefined;
    if (page.after) {
      const [name, unitId] = decodeCursor(page.after, 2) as [string, string];
      after = { $or: [{ name: { $gt: name } }, { name, unitId: { $gt: unitId } }] };
    }
    const { documents: found, totalCount } = await this.versions.findPage(filter, { sort: { name: 1, unitId: 1 }, limit: page.first + 1, after });
    const items = found.slice(0, page.first);
    return { items, cursors: items.map((unit) => encodeCursor([unit.name, unit.unitId])), hasNextPage: found.length > page.first, totalCount };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
