import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { UnitEvent } from '../../src/domain/units/unit.events';
import { UNITS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { unitAggregate } from '../../src/domain/units/unit.aggregate';
import type { Projection } from '../shared/projection';
import type { UnitDocument } from './units.documents';

const isUnitEvent = eventsOf(unitAggregate);

type Units = DocumentCache<UnitDocument>;

/** `units`: each unit as it stands now, with its ancestors for subtree queries. */
export const unitsProjection: Projection = {
  name: 'units',
  collections: [UNITS],

  async setup(store) {
    const units = store.collection<UnitDocument>(UNITS);
    for (const field of ['parentId', 'ancestors', 'level', 'code']) await units.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const unitEvents = events.filter(isUnitEvent);
    if (unitEvents.length === 0) return;
    const units: Units = new DocumentCache(store.collection<UnitDocument>(UNITS));
    await units.load(unitEvents.flatMap(unitsReferenced));
    for (const event of unitEvents) await applyEvent(units, event);
    // Deepest first: if the write stops half way, a moved unit is rewritten last, so replaying
    // its move (not yet marked applied) repeats the update of its descendants.
    await units.flush((a, b) => b.ancestors.length - a.ancestors.length);
  },
};

function unitsReferenced(event: PositionedEvent<UnitEvent>): string[] {
  const { data } = event;
  return 'parentId' in data && data.parentId !== null ? [data.unitId, data.parentId] : [data.unitId];
}

async function applyEvent(units: Units, event: PositionedEvent<UnitEvent>): Promise<void> {
  const unit = units.get(event.data.unitId);
  if (alreadyApplied(unit, event)) return;
  const facts = { recordedAt: event.recordedAt, position: event.position, version: event.revision };
  if (event.type === 'UnitEstablished') {
    const { unitId, level, name, code, parentId } = event.data;
    const ancestors = ancestorsUnder(units, parentId);
    units.put({ _id: unitId, level, name, code, parentId, ancestors, establishedOn: event.effectiveDate, dissolvedOn: null, status: 'ACTIVE', ...facts });
    return;
  }
  if (unit === undefined) return;
  switch (event.type) {
    case 'UnitRenamed':
      units.put({ ...unit, name: event.data.name, ...facts });
      return;
    case 'UnitMoved': {
      const ancestors = ancestorsUnder(units, event.data.parentId);
      units.put({ ...unit, parentId: event.data.parentId, ancestors, ...facts });
      await reattachDescendants(units, unit._id, [...ancestors, unit._id], event.position);
      return;
    }
    case 'UnitDissolved':
      units.put({ ...unit, dissolvedOn: event.effectiveDate, status: 'DISSOLVED', ...facts });
      return;
    default:
      assertNever(event);
  }
}

function ancestorsUnder(units: Units, parentId: string | null): string[] {
  if (parentId === null) return [];
  return [...(units.get(parentId)?.ancestors ?? []), parentId];
}

/** Every unit below `unitId` keeps its path up to it and takes `path` (ending in `unitId`) above. */
async function reattachDescendants(units: Units, unitId: string, path: string[], position: string): Promise<void> {
  await units.loadWhere({ ancestors: unitId });
  for (const descendant of units.values()) {
    const at = descendant.ancestors.indexOf(unitId);
    if (at < 0) continue;
    units.put({ ...descendant, ancestors: [...path, ...descendant.ancestors.slice(at + 1)], position });
  }
}
