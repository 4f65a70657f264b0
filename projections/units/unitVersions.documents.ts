import type { UnitLevel } from '../../src/domain/units/unitLevel';

/** A change of a unit's own name or parent: the state it has from `from` on. */
export type UnitTimelineChange = {
  from: string;
  name: string;
  parentId: string | null;
  recordedAt: string;
  position: string;
};

export const UNIT_TIMELINES = 'unitTimelines';

/**
 * Collection `unitTimelines`: a unit's own facts, the input from which its versions are
 * recomputed whenever it or one of its ancestors changes.
 */
export type UnitTimelineDocument = {
  _id: string;
  level: UnitLevel;
  code: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  /** When the dissolution was recorded; null while the unit stands. */
  dissolvedRecordedAt: string | null;
  /** In effective-date order. */
  changes: UnitTimelineChange[];
  /** Every parent the unit ever had: whose moves reshape this unit's history. */
  parentIds: string[];
  position: string;
};

export const UNIT_VERSIONS = 'unitVersions';

/**
 * Collection `unitVersions`: a unit as it stood during [validFrom, validTo). A new version
 * starts when its name or parent changes, or when one of its ancestors moves.
 */
export type UnitVersionDocument = {
  /** `${unitId}@${validFrom}` */
  _id: string;
  unitId: string;
  level: UnitLevel;
  name: string;
  code: string | null;
  parentId: string | null;
  /** Ids from the root down to the parent, as they stood during the interval. */
  ancestors: string[];
  validFrom: string;
  /** Exclusive; the dissolution date for the last version of a dissolved unit; null while open. */
  validTo: string | null;
  /** Of the fact that started the version (the unit's own change or an ancestor's move). */
  recordedAt: string;
  /**
   * Of the fact that ended the version (the unit's next change, an ancestor's move or the
   * dissolution); null while open. A late entry can end a version recorded after it.
   */
  endRecordedAt: string | null;
  position: string;
};
