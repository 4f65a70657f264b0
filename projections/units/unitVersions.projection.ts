import type { PositionedEvent } from '../../src/domain/events';
import type { UnitEvent } from '../../src/domain/units/unit.events';
import { UNIT_LEVELS } from '../../src/domain/units/unitLevel';
import type { BulkOperation, Collection, ReadStore } from '../../src/readstore/readStore';
import { UNIT_TIMELINES, UNIT_VERSIONS, type UnitTimelineDocument, type UnitVersionDocument } from './unitVersions.documents';
import { DocumentCache } from '../shared/documentCache';
import type { DocumentRules } from '../shared/documentRules';
import { foldEvents, loadDocuments } from '../shared/foldEvents';
import { isOneOf } from '../shared/handledEvents';
import { unitAggregate } from '../../src/domain/units/unit.aggregate';
import type { Projection } from '../shared/projection';
import { computeUnitVersions } from './unitVersions.compute';
import { evolveTimeline } from './unitTimeline';
import { loadUnitVersions } from './unitVersions.load';

const isUnitEvent = isOneOf(unitAggregate.eventTypes);
const UNORDERED_HANDED_OVER = { ordered: false, handOver: true } as const;

/** Each unit event is folded into the unit's own timeline. */
const TIMELINE_RULES: DocumentRules<PositionedEvent<UnitEvent>, UnitTimelineDocument> = {
  documentIds: (event) => [event.data.unitId],
  evolve: evolveTimeline,
};

type Timelines = DocumentCache<UnitTimelineDocument>;

/** Below a district there are at most three levels whose ancestry a move can change. */
const MAX_DEPTH_BELOW = UNIT_LEVELS.length - 1;

/**
 * `unitTimelines` and `unitVersions`: the history of every unit as validity intervals. Each
 * batch folds its events into the timelines, then recomputes the versions of every unit whose
 * own facts changed, and of everything below a unit that was established or moved.
 */
export const unitVersionsProjection: Projection = {
  name: 'unitVersions',
  collections: [UNIT_TIMELINES, UNIT_VERSIONS],
  handles: unitAggregate.eventTypes,

  async setup(store) {
    await store.collection<UnitTimelineDocument>(UNIT_TIMELINES).createIndex({ keys: { parentIds: 1 } });
    const versions = store.collection<UnitVersionDocument>(UNIT_VERSIONS);
    const indexes: Record<string, 1>[] = [{ unitId: 1 }, { parentId: 1 }, { ancestors: 1 }, { level: 1, validFrom: 1 }];
    for (const keys of indexes) await versions.createIndex({ keys });
  },

  async apply(events, store) {
    const unitEvents = events.filter(isUnitEvent);
    if (unitEvents.length === 0) return;
    const timelines: Timelines = new DocumentCache(store.collection<UnitTimelineDocument>(UNIT_TIMELINES));
    await loadDocuments(timelines, unitEvents, TIMELINE_RULES);
    const reparented = new Set<string>();
    for (const { event } of foldEvents(timelines, unitEvents, TIMELINE_RULES)) {
      if (event.type === 'UnitEstablished' || event.type === 'UnitMoved') reparented.add(event.data.unitId);
    }
    const changed = timelines.changedIds();
    if (changed.length === 0) return;
    await loadDescendants(timelines, reparented);
    const toRecompute = [...new Set([...changed, ...descendantsOf(timelines, reparented)])];
    await writeVersions(store.collection<UnitVersionDocument>(UNIT_VERSIONS), await recompute(store, timelines, toRecompute));
    // Timelines last: until they are written, a replay of the batch recomputes the versions.
    await timelines.flush();
  },

  // The scope's units are the one a retracted unit event is about and all below it: their
  // timelines are folded again from their streams, and their versions recomputed from those.
  async forget(scope, store) {
    if (scope.unitIds.length === 0) return;
    await store.collection<UnitTimelineDocument>(UNIT_TIMELINES).deleteMany({ _id: { $in: [...scope.unitIds] } });
    await store.collection<UnitVersionDocument>(UNIT_VERSIONS).deleteMany({ unitId: { $in: [...scope.unitIds] } });
  },
};

/** Reads the timelines of every unit that ever was below one of `roots`, level by level. */
async function loadDescendants(timelines: Timelines, roots: ReadonlySet<string>): Promise<void> {
  let frontier = [...roots];
  for (let depth = 0; depth < MAX_DEPTH_BELOW && frontier.length > 0; depth += 1) {
    await timelines.loadWhere({ parentIds: { $in: frontier } });
    const parents = new Set(frontier);
    frontier = timelines
      .values()
      .filter((timeline) => timeline.parentIds.some((id) => parents.has(id)))
      .map((timeline) => timeline._id);
  }
}

function descendantsOf(timelines: Timelines, roots: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  let frontier = new Set(roots);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const timeline of timelines.values()) {
      if (!found.has(timeline._id) && timeline.parentIds.some((id) => frontier.has(id))) next.add(timeline._id);
    }
    for (const id of next) found.add(id);
    frontier = next;
  }
  return [...found];
}

/** Versions of `unitIds`, parents before children so each sees its parent's new versions. */
async function recompute(store: ReadStore, timelines: Timelines, unitIds: readonly string[]): Promise<Map<string, UnitVersionDocument[]>> {
  const ordered = unitIds
    .map((id) => timelines.get(id))
    .filter((timeline): timeline is UnitTimelineDocument => timeline !== undefined)
    .sort((a, b) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level));
  const recomputing = new Set(ordered.map((timeline) => timeline._id));
  const outsideParents = ordered.flatMap((timeline) => timeline.parentIds).filter((id) => !recomputing.has(id));
  const known = await loadUnitVersions(store.collection<UnitVersionDocument>(UNIT_VERSIONS), outsideParents);
  const result = new Map<string, UnitVersionDocument[]>();
  for (const timeline of ordered) {
    const versions = computeUnitVersions(timeline, (parentId) => result.get(parentId) ?? known.get(parentId) ?? []);
    result.set(timeline._id, versions);
  }
  return result;
}

async function writeVersions(collection: Collection<UnitVersionDocument>, byUnit: Map<string, UnitVersionDocument[]>): Promise<void> {
  if (byUnit.size === 0) return;
  // Every write below is by _id, so a store answers each from its primary index.
  const stored = await collection.find({ unitId: { $in: [...byUnit.keys()] } }, { projection: { _id: 1 }, readOnly: true });
  const obsolete = new Set(stored.map((version) => version._id));
  const writes: BulkOperation<UnitVersionDocument>[] = [];
  for (const versions of byUnit.values()) {
    for (const version of versions) {
      obsolete.delete(version._id);
      writes.push({ replaceOne: { filter: { _id: version._id }, replacement: version, upsert: true } });
    }
  }
  for (const _id of obsolete) writes.push({ deleteOne: { filter: { _id } } });
  // Each write names its own document, and the versions are new: unordered, handed over.
  if (writes.length > 0) await collection.bulkWrite(writes, UNORDERED_HANDED_OVER);
}
