import { firstDayOf, type Period } from '../../domain/dues/period';
import type { ReadStore } from '../../readstore/readStore';
import { UNIT_VERSIONS, isActiveOn, lastStartedOn, type UnitVersionDocument } from '../../../projections';
import type { UnitQueries } from '../units/unitQueries';

const BRANCH_FIELDS = { projection: { _id: 0, unitId: 1, level: 1, validFrom: 1, validTo: 1 } } as const;

type Version = Pick<UnitVersionDocument, 'unitId' | 'level' | 'validFrom' | 'validTo'>;

/**
 * The branches whose dues count for a unit on each month's first day: the unit itself if a branch,
 * else (with descendants) the branches under it then. Two read-store calls for any number of months.
 */
export async function branchesPerMonth(
  store: ReadStore,
  units: UnitQueries,
  unitId: string,
  periods: readonly Period[],
  includeDescendants: boolean,
): Promise<Set<string>[]> {
  if (periods.length === 0) return [];
  const first = firstDayOf(periods[0]);
  const last = firstDayOf(periods[periods.length - 1]);
  const [history, under] = await Promise.all([
    units.history([unitId]),
    includeDescendants
      ? store
          .collection<UnitVersionDocument>(UNIT_VERSIONS)
          .find({ ancestors: unitId, level: 'BRANCH', validFrom: { $lte: last }, $or: [{ validTo: null }, { validTo: { $gt: first } }] }, BRANCH_FIELDS)
      : [],
  ]);
  const own: readonly Version[] = history.get(unitId) ?? [];
  return periods.map((period) => {
    const date = firstDayOf(period);
    const unit = lastStartedOn(own, date);
    if (unit === undefined || (unit.validTo !== null && unit.validTo <= date)) return new Set<string>();
    if (unit.level === 'BRANCH') return new Set([unitId]);
    return new Set(under.filter((branch) => isActiveOn(branch, date)).map((branch) => branch.unitId));
  });
}
