import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import { maxDate, type LocalDate } from '../shared/localDate';
import type { UnitEvent } from './unit.events';
import type { UnitLevel } from './unitLevel';
import type { UnitOnDate } from './unitOnDate';

/** The name and parent a unit has from `from` (inclusive) until the next version's `from`. */
export interface UnitVersion {
  from: LocalDate;
  name: string;
  parentId: string | null;
}

export interface NoUnit {
  exists: false;
}

export interface ExistingUnit {
  exists: true;
  unitId: string;
  level: UnitLevel;
  code: string | null;
  establishedOn: LocalDate;
  /** From this date on the unit is no longer active. */
  dissolvedOn: LocalDate | null;
  /** In effective-date order, never empty; at most one version per date (the last change of a day wins). */
  versions: readonly UnitVersion[];
  /** Effective date of the newest event in the stream. */
  lastChangeOn: LocalDate;
}

/** The state of stream `unit-<unitId>`. */
export type UnitState = NoUnit | ExistingUnit;

export const initialUnitState = (): UnitState => ({ exists: false });

export function evolve(state: UnitState, event: Dated<UnitEvent>): UnitState {
  const on = event.effectiveDate;
  if (event.type === 'UnitEstablished') {
    const { unitId, level, name, code, parentId } = event.data;
    return { exists: true, unitId, level, code, establishedOn: on, dissolvedOn: null, versions: [{ from: on, name, parentId }], lastChangeOn: on };
  }
  // Only UnitEstablished can start a stream; anything else on an empty state is ignored.
  if (!state.exists) return state;
  const lastChangeOn = maxDate(state.lastChangeOn, on);
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, versions: withVersion(state, { ...currentVersion(state), from: on, name: event.data.name }), lastChangeOn };
    case 'UnitMoved':
      return { ...state, versions: withVersion(state, { ...currentVersion(state), from: on, parentId: event.data.parentId }), lastChangeOn };
    case 'UnitDissolved':
      return { ...state, dissolvedOn: on, lastChangeOn };
    default:
      return assertNever(event);
  }
}

function withVersion(state: ExistingUnit, version: UnitVersion): UnitVersion[] {
  const earlier = state.versions.filter((existing) => existing.from < version.from);
  return [...earlier, version];
}

/** The version in force now, i.e. on and after the last recorded change. */
export function currentVersion(state: ExistingUnit): UnitVersion {
  return state.versions[state.versions.length - 1];
}

/** The version in force on `date`; before establishment, the first one (the unit is inactive then). */
export function versionOn(state: ExistingUnit, date: LocalDate): UnitVersion {
  for (let index = state.versions.length - 1; index >= 0; index--) {
    const version = state.versions[index];
    if (version.from <= date) return version;
  }
  return state.versions[0];
}

/** Established on or before `date` and not dissolved on or before it. */
export function isActiveOn(state: ExistingUnit, date: LocalDate): boolean {
  return state.establishedOn <= date && (state.dissolvedOn === null || date < state.dissolvedOn);
}

/** What other deciders need to know about this unit on `date`; null when it does not exist. */
export function unitOnDate(state: UnitState, date: LocalDate): UnitOnDate | null {
  if (!state.exists) return null;
  const { name, parentId } = versionOn(state, date);
  return { unitId: state.unitId, level: state.level, name, parentId, active: isActiveOn(state, date), dissolvedOn: state.dissolvedOn };
}
