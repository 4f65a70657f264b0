import type { AppraisalEvent } from '../../src/domain/assessments/appraisal.events';
import { eventsOf, type PositionedEvent } from '../../src/domain/events';
import type { AppraisalDocument } from './appraisals.documents';
import { APPRAISALS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { appraisalAggregate } from '../../src/domain/assessments/appraisal.aggregate';
import type { Projection } from '../shared/projection';

const isAppraisalEvent = eventsOf(appraisalAggregate);

/** `appraisals`: every yearly appraisal of every member, each superseded one marked by its successor. */
export const appraisalsProjection: Projection = {
  name: 'appraisals',
  collections: [APPRAISALS],

  async setup(store) {
    const appraisals = store.collection<AppraisalDocument>(APPRAISALS);
    await appraisals.createIndex({ keys: { memberId: 1, year: 1 } });
  },

  async apply(events, store) {
    const appraisalEvents = events.filter(isAppraisalEvent);
    if (appraisalEvents.length === 0) return;
    const appraisals = new DocumentCache(store.collection<AppraisalDocument>(APPRAISALS));
    await appraisals.load(appraisalEvents.flatMap((event) => [event.data.appraisalId, ...(event.data.supersedes === null ? [] : [event.data.supersedes])]));
    for (const event of appraisalEvents) {
      if (alreadyApplied(appraisals.get(event.data.appraisalId), event)) continue;
      appraisals.put(appraisalOf(event));
      const replaced = event.data.supersedes === null ? undefined : appraisals.get(event.data.supersedes);
      if (replaced !== undefined && !alreadyApplied(replaced, event)) {
        appraisals.put({ ...replaced, supersededBy: event.data.appraisalId, supersededOn: event.effectiveDate, position: event.position });
      }
    }
    await appraisals.flush();
  },
};

export function appraisalOf(event: PositionedEvent<AppraisalEvent>): AppraisalDocument {
  const { appraisalId, memberId, year, grade, branchId, supersedes } = event.data;
  return {
    _id: appraisalId,
    memberId,
    year,
    grade,
    appraisedOn: event.effectiveDate,
    branchId,
    supersedes,
    supersededBy: null,
    supersededOn: null,
    recordedAt: event.recordedAt,
    position: event.position,
    version: event.revision,
  };
}
