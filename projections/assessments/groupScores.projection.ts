import { eventsOf, type PositionedEvent } from '../../src/domain/events';
import type { GroupScoreEvent } from '../../src/domain/assessments/groupScore.events';
import { GROUP_SCORES } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { groupScoreAggregate } from '../../src/domain/assessments/groupScore.aggregate';
import type { GroupScoreDocument } from './groupScores.documents';
import type { Projection } from '../shared/projection';

const isGroupScoreEvent = eventsOf(groupScoreAggregate);

/** `groupScores`: every quarterly score of every group, each superseded one marked by its successor. */
export const groupScoresProjection: Projection = {
  name: 'groupScores',
  collections: [GROUP_SCORES],

  async setup(store) {
    const scores = store.collection<GroupScoreDocument>(GROUP_SCORES);
    await scores.createIndex({ keys: { groupId: 1, quarter: 1 } });
    await scores.createIndex({ keys: { quarter: 1 } });
  },

  async apply(events, store) {
    const scoreEvents = events.filter(isGroupScoreEvent);
    if (scoreEvents.length === 0) return;
    const scores = new DocumentCache(store.collection<GroupScoreDocument>(GROUP_SCORES));
    await scores.load(scoreEvents.flatMap((event) => [event.data.scoreId, ...(event.data.supersedes === null ? [] : [event.data.supersedes])]));
    for (const event of scoreEvents) {
      if (alreadyApplied(scores.get(event.data.scoreId), event)) continue;
      scores.put(scoreOf(event));
      const replaced = event.data.supersedes === null ? undefined : scores.get(event.data.supersedes);
      if (replaced !== undefined && !alreadyApplied(replaced, event)) scores.put(supersede(replaced, event));
    }
    await scores.flush();
  },
};

export function scoreOf(event: PositionedEvent<GroupScoreEvent>): GroupScoreDocument {
  const { scoreId, groupId, quarter, scores, total, branchId, supersedes } = event.data;
  return {
    _id: scoreId,
    groupId,
    quarter,
    scores,
    total,
    scoredOn: event.effectiveDate,
    branchId,
    supersedes,
    supersededBy: null,
    supersededOn: null,
    recordedAt: event.recordedAt,
    position: event.position,
    version: event.revision,
  };
}

function supersede(replaced: GroupScoreDocument, event: PositionedEvent<GroupScoreEvent>): GroupScoreDocument {
  return { ...replaced, supersededBy: event.data.scoreId, supersededOn: event.effectiveDate, position: event.position };
}
