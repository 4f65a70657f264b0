import type { PositionedEvent } from '../../domain/events';
import { unitAggregate } from '../../domain/units/unit.aggregate';
import type { EventStore } from '../../eventstore/eventStore';
import { streamCategory } from '../../eventstore/eventStore';
import type { ReadGate } from '../../readstore/gatedReadStore';
import type { Collection, ReadStore } from '../../readstore/readStore';
import { EVENT_INDEX, UNIT_TIMELINES, type EventIndexDocument, type UnitTimelineDocument } from '../../../projections';
import type { CorrectionScope, LatestEvent } from '../../../projections/shared/correctionScope';
import type { Projection } from '../../../projections/shared/projection';
import { toPositionedEvent } from '../recordedEvents';
import { RetractedEvents, type Retraction } from './retractedEvents';

/** Below a district there are at most three levels. */
const MAX_DEPTH = 4;

/**
 * A retraction of an event the read models already hold, applied to what it touches: the
 * streams whose events made the documents the retracted event changed are read whole (up to
 * the retraction), each projection forgets the documents only they made, and those events are
 * applied again without the retracted one. The cost is that of the subject's history (a
 * member's life, a unit's subtree), not of the log.
 *
 * Which streams: for a unit event, those of the unit, of every unit ever below it, and of
 * every unit ever above those (whose moves re-attach them); for any other event, its own
 * stream and every stream with an event about one of the members it is about.
 */
export class TargetedCorrection {
  private corrections = 0;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: readonly Projection[],
    /** Closed while the documents are forgotten and made anew, so that no reader sees them gone. */
    private readonly gate?: ReadGate,
  ) {}

  /** How many retractions were corrected in place since start. */
  get count(): number {
    return this.corrections;
  }

  /** Corrects the read models, which include every event before `retraction`, for it; the retraction itself is applied after. */
  async correct(retraction: Retraction): Promise<void> {
    const index = this.store.collection<EventIndexDocument>(EVENT_INDEX);
    const entry = await index.findOne({ eventId: retraction.data.eventId });
    if (entry === null) throw new Error(`The event index holds no ${retraction.data.eventId}, the event ${retraction.id} retracts`);
    const isUnitEvent = streamCategory(entry.stream) === unitAggregate.category;
    const units = isUnitEvent ? await this.unitsBelow(entry.stream.slice(unitAggregate.category.length + 1)) : [];
    const streams = isUnitEvent ? await this.unitStreams(units) : await this.memberStreams(entry);
    const replayed = await this.read(streams, retraction.position);
    const target = replayed.find((event) => event.id === retraction.data.eventId);
    if (target === undefined) throw new Error(`The stream ${entry.stream} holds no ${retraction.data.eventId} before ${retraction.id}`);
    const scope = this.scopeOf(target, streams, units, replayed);
    const retracted = RetractedEvents.among([...replayed, retraction]);
    const work = async (): Promise<void> => {
      for (const projection of this.projections) await projection.forget(scope, this.store);
      await retracted.apply(replayed, this.projections, this.store);
      for (const projection of this.projections) await projection.settle?.(scope, this.store);
    };
    await (this.gate === undefined ? work() : this.gate.closedWhile(work));
    this.corrections++;
  }

  /** Every stream with an event about one of the members the target is about, and the target's own. */
  private async memberStreams(entry: EventIndexDocument): Promise<Set<string>> {
    const streams = new Set([entry.stream]);
    if (entry.memberIds.length === 0) return streams;
    const about = await this.store
      .collection<EventIndexDocument>(EVENT_INDEX)
      .find({ memberIds: { $in: entry.memberIds } }, { projection: { _id: 0, stream: 1 } });
    for (const { stream } of about) streams.add(stream);
    return streams;
  }

  /** The unit and every unit that was ever below it. */
  private async unitsBelow(unitId: string): Promise<string[]> {
    const timelines = this.store.collection<UnitTimelineDocument>(UNIT_TIMELINES);
    const found = new Set([unitId]);
    let frontier = [unitId];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const children = await timelines.find({ parentIds: { $in: frontier } }, { projection: { _id: 1 } });
      frontier = children.map((child) => child._id).filter((id) => !found.has(id));
      for (const id of frontier) found.add(id);
    }
    return [...found];
  }

  /** The streams of these units and of every unit that was ever above one of them. */
  private async unitStreams(unitIds: readonly string[]): Promise<Set<string>> {
    const timelines = this.store.collection<UnitTimelineDocument>(UNIT_TIMELINES);
    const found = new Set(unitIds);
    let frontier = [...unitIds];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const parents = (await timelines.find({ _id: { $in: frontier } }, { projection: { parentIds: 1 } })).flatMap((timeline) => timeline.parentIds);
      frontier = [...new Set(parents)].filter((id) => !found.has(id));
      for (const id of frontier) found.add(id);
    }
    return new Set([...found].map((id) => unitAggregate.streamId(id)));
  }

  /** The domain events of these streams before `before`, in log order. */
  private async read(streams: ReadonlySet<string>, before: string): Promise<PositionedEvent[]> {
    const read = await Promise.all([...streams].map((stream) => this.events.readStream(stream)));
    return read
      .flat()
      .filter((event) => event.position < before)
      .map(toPositionedEvent)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  private scopeOf(target: PositionedEvent, streams: ReadonlySet<string>, unitIds: readonly string[], replayed: readonly PositionedEvent[]): CorrectionScope {
    const byCategory = new Map<string, string[]>();
    for (const stream of streams) {
      const category = streamCategory(stream);
      const ids = byCategory.get(category);
      const id = stream.slice(category.length + 1);
      if (ids === undefined) byCategory.set(category, [id]);
      else ids.push(id);
    }
    const index = this.store.collection<EventIndexDocument>(EVENT_INDEX);
    return {
      target,
      idsIn: (category) => byCategory.get(category) ?? [],
      unitIds,
      positions: replayed.map((event) => event.position),
      latestLive: (categories) => latestLive(index, categories, target.position),
    };
  }
}

/** The latest event of these categories by effective date (then position) that stands, other than `except`: a scan, done only for a horizon the retracted event set. */
async function latestLive(index: Collection<EventIndexDocument>, categories: readonly string[], except: string): Promise<LatestEvent | undefined> {
  const standing = await index.find(
    { category: { $in: [...categories] }, type: { $ne: 'EventRetracted' }, retractedBy: { $exists: false } },
    { projection: { _id: 1, effectiveDate: 1 } },
  );
  let latest: LatestEvent | undefined;
  for (const { _id: position, effectiveDate } of standing) {
    if (position === except) continue;
    if (latest === undefined || effectiveDate > latest.effectiveDate || (effectiveDate === latest.effectiveDate && position > latest.position))
      latest = { effectiveDate, position };
  }
  return latest;
}
