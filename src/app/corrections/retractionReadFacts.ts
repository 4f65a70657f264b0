import type { NamingEvent } from '../../domain/corrections/retraction.commands';
import { subjectNamedElsewhere } from '../../domain/corrections/retractionDependencies';
import type { ReadStore } from '../../readstore/readStore';
import { EVENT_INDEX, type EventIndexDocument } from '../../../projections';
import type { ReadModelCatchUp } from '../commands/readModelCatchUp';

/** Enough events naming a unit elsewhere to refuse and to list a few; the decider needs no more. */
const MAX_NAMING_UNIT_EVENTS = 50;

/** What a retraction decides on besides the target's own stream, read from the event index. */
export class RetractionReadFacts {
  constructor(
    private readonly readStore: ReadStore,
    private readonly readModels: ReadModelCatchUp,
  ) {}

  /** The event with this id, once the read models include everything recorded so far. */
  async event(eventId: string): Promise<EventIndexDocument | null> {
    await this.readModels.upToDate();
    return this.readStore.collection<EventIndexDocument>(EVENT_INDEX).findOne({ eventId });
  }

  /** Live events of other streams that name the unit or member the target is about. */
  async namedElsewhere(target: EventIndexDocument): Promise<NamingEvent[]> {
    const subject = subjectNamedElsewhere({ type: target.type, data: target.data });
    if (subject === null) return [];
    const live = { stream: { $ne: target.stream }, type: { $ne: 'EventRetracted' }, retractedBy: { $exists: false } };
    const filter = 'unitId' in subject ? { unitIds: subject.unitId, ...live } : { memberIds: subject.memberId, ...live };
    const found = await this.readStore
      .collection<EventIndexDocument>(EVENT_INDEX)
      .find(filter, { sort: { _id: 1 }, limit: 'unitId' in subject ? MAX_NAMING_UNIT_EVENTS : undefined });
    return found.map((doc) => ({ eventId: doc.eventId, type: doc.type, stream: doc.stream, effectiveDate: doc.effectiveDate }));
  }
}
