import { canonicalCode } from '../../src/domain/shared/identity';
import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { UnitEvent } from '../../src/domain/units/unit.events';
import { UNITS, type UnitDocument } from './units.documents';
import { unitAggregate } from '../../src/domain/units/unit.aggregate';
import { defineProjection } from '../shared/defineProjection';
import type { EvolveContext } from '../shared/documentRules';
import { whereIn } from '../shared/correctionScope';

type Units = Pick<EvolveContext<UnitDocument>, 'get'>;

/** `units`: each unit as it stands now, with its ancestors for subtree queries. */
export const unitsProjection = defineProjection({
  name: 'units',
  // 2: codes in canonical form (`seq-1` recorded before codes were normalised is `SEQ-1`), as uniqueness compares them.
  version: 2,
  handles: unitAggregate.eventTypes,
  collection: UNITS,
  indexes: [{ parentId: 1 }, { ancestors: 1 }, { level: 1 }, { code: 1 }],
  documentIds: (event) => [event.data.unitId],
  forgets: (scope) => whereIn('_id', scope.unitIds),
  reads: (event) => ('parentId' in event.data && event.data.parentId !== null ? [event.data.parentId] : []),
  // A move also changes the ancestors of every unit below the one moved.
  found: {
    filter: (events) => {
      const moved = events.flatMap((event) => (event.type === 'UnitMoved' ? [event.data.unitId] : []));
      return moved.length === 0 ? undefined : { ancestors: { $in: moved } };
    },
    matching: (event) => (event.type === 'UnitMoved' ? (unit) => unit.ancestors.includes(event.data.unitId) : undefined),
  },
  evolve: evolveUnit,
  // Deepest first: if the write stops half way, a moved unit is rewritten last, so replaying
  // its move (not yet marked applied) repeats the update of its descendants.
  writeOrder: (a, b) => b.ancestors.length - a.ancestors.length,
});

/** The unit after `event`, or a unit below a moved one with its new ancestors; undefined when there is no unit to change. */
function evolveUnit(unit: UnitDocument | undefined, event: PositionedEvent<UnitEvent>, units: EvolveContext<UnitDocument>): UnitDocument | undefined {
  const facts = { recordedAt: event.recordedAt, position: event.position, version: event.revision };
  if (event.type === 'UnitEstablished') {
    const { unitId, level, name, code, parentId } = event.data;
    const ancestors = ancestorsUnder(units, parentId);
    const stored = code === null ? null : canonicalCode(code);
    return { _id: unitId, level, name, code: stored, parentId, ancestors, establishedOn: event.effectiveDate, dissolvedOn: null, status: 'ACTIVE', ...facts };
  }
  if (unit === undefined) return undefined;
  if (unit._id !== event.data.unitId)
    return event.type === 'UnitMoved' ? reattached(units, unit, event.data.unitId, event.data.parentId, event.position) : undefined;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...unit, name: event.data.name, ...facts };
    case 'UnitMoved':
      return { ...unit, parentId: event.data.parentId, ancestors: ancestorsUnder(units, event.data.parentId), ...facts };
    case 'UnitDissolved':
      return { ...unit, dissolvedOn: event.effectiveDate, status: 'DISSOLVED', ...facts };
    default:
      return assertNever(event);
  }
}

function ancestorsUnder(units: Units, parentId: string | null): string[] {
  if (parentId === null) return [];
  return [...(units.get(parentId)?.ancestors ?? []), parentId];
}

/** A unit below `movedId` keeps its path up to it and takes the moved unit's new path above. */
function reattached(units: Units, descendant: UnitDocument, movedId: string, parentId: string, position: string): UnitDocument | undefined {
  if (units.get(movedId) === undefined) return undefined;
  const path = [...ancestorsUnder(units, parentId), movedId];
  return { ...descendant, ancestors: [...path, ...descendant.ancestors.slice(descendant.ancestors.indexOf(movedId) + 1)], position };
}
