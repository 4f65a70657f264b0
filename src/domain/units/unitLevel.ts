/** Levels of units, top down (DOMAIN.md "Levels of units"). */
export const UNIT_LEVELS = ['DISTRICT', 'COMMITTEE', 'BRANCH', 'GROUP'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The level a unit's parent must have; undefined for a root (DISTRICT). */
export function parentLevelOf(level: UnitLevel): UnitLevel | undefined {
  const index = UNIT_LEVELS.indexOf(level);
  return index === 0 ? undefined : UNIT_LEVELS[index - 1];
}
