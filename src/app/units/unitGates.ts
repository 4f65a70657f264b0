import type { GatePass } from '../commands/gates';

/**
 * The gates of the rules across units and members: a code names one active unit, and a unit is
 * never dissolved with a member or a child unit in it on or after the day. Placing a member or a
 * unit in a unit passes its gate shared; dissolving it passes exclusive, so a dissolution and a
 * placement racing each other are decided one after the other.
 */
export const unitGates = {
  code(code: string | null): GatePass[] {
    return code === null ? [] : [{ key: `unitcode:${code}`, mode: 'exclusive' }];
  },
  placementIn(...unitIds: readonly (string | null | undefined)[]): GatePass[] {
    return unitIds
      .filter((unitId): unitId is string => typeof unitId === 'string' && unitId !== '')
      .map((unitId) => ({ key: `unit:${unitId}`, mode: 'shared' }));
  },
  dissolutionOf(unitId: string): GatePass[] {
    return [{ key: `unit:${unitId}`, mode: 'exclusive' }];
  },
};
