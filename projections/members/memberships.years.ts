import type { Filter } from '../../src/readstore/readStore';
import { activeOn, type Interval } from '../shared/temporal';

/** The key of open intervals: looked up for any date, and only current members hold one. */
const OPEN = 'open';
/** The longest block of years is 2^MAX_LEVEL years; longer intervals take several. */
const MAX_LEVEL = 6;

/** The key of the years [start, start + 2^level) in a unit: `B1:2021` for one year, `B1:2016-2023` for eight. */
function blockKey(unitId: string, start: number, level: number): string {
  const first = String(start).padStart(4, '0');
  return level === 0 ? `${unitId}:${first}` : `${unitId}:${first}-${String(start + 2 ** level - 1).padStart(4, '0')}`;
}

/**
 * `MembershipDocument.unitYears` of an interval in these units (its branch and group): the
 * calendar years it overlaps, as the fewest aligned blocks of 1, 2, 4, … 64 years (2016-2023 is
 * one block, 2015-2024 three), or `${unitId}:open` alone while it is open. A year lies in exactly
 * one block of each size, so a date's lookup (`membershipsInUnitsOn`) names a few keys per unit
 * and finds every interval overlapping its year, while an interval holds a few keys however long.
 * Unit ids are unique across levels, so one field serves branches and groups.
 */
export function unitYearsOf(unitIds: readonly (string | null)[], { validFrom, validTo }: Interval): string[] {
  const units = unitIds.filter((unitId) => unitId !== null);
  if (validTo === null) return units.map((unitId) => `${unitId}:${OPEN}`);
  if (validTo <= validFrom) return [];
  const blocks: { start: number; level: number }[] = [];
  // validTo is exclusive: an interval ending on 1 January does not reach that year.
  const last = Number(validTo.slice(0, 4)) - (validTo.slice(5) === '01-01' ? 1 : 0);
  for (let start = Number(validFrom.slice(0, 4)); start <= last;) {
    let level = 0;
    while (level < MAX_LEVEL && start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) - 1 <= last) level++;
    blocks.push({ start, level });
    start += 2 ** level;
  }
  return units.flatMap((unitId) => blocks.map(({ start, level }) => blockKey(unitId, start, level)));
}

/**
 * The memberships in force on `date` in any of `unitIds` (as branch or as group). The index on
 * `unitYears` reads only the intervals overlapping the date's year and the open ones, whatever
 * the length of the history; `activeOn` then keeps the exact matches.
 */
export function membershipsInUnitsOn(unitIds: readonly string[], date: string): Filter {
  const year = Number(date.slice(0, 4));
  return { ...membershipsInUnitYears(unitIds.map((unitId) => ({ unitId, fromYear: year, toYear: year }))), ...activeOn(date) };
}

/**
 * The memberships in `unitId` (as branch or as group) overlapping any year from `fromYear` to
 * `toYear`, and its open ones (unless `withOpen` is false: read already): those holding one of
 * the blocks that contain those years. A projection reads this way the intervals starting in a
 * few years without the unit's history.
 */
export function membershipsInUnitYears(ranges: readonly { unitId: string; fromYear: number; toYear: number; withOpen?: boolean }[]): Filter {
  const keys = new Set<string>();
  for (const { unitId, fromYear, toYear, withOpen = true } of ranges) {
    if (withOpen) keys.add(`${unitId}:${OPEN}`);
    if (toYear < fromYear) continue;
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const size = 2 ** level;
      for (let start = fromYear - (fromYear % size); start <= toYear; start += size) keys.add(blockKey(unitId, start, level));
    }
  }
  return { unitYears: { $in: [...keys] } };
}
