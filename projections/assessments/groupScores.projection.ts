import type { PositionedEvent } from '../../src/domain/events';
import type { GroupScoreEvent } from '../../src/domain/assessments/groupScore.events';
import { GROUP_SCORES, type GroupScoreDocument } from './groupScores.documents';
import { groupScoreAggregate } from '../../src/domain/assessments/groupScore.aggregate';
import { defineSupersedingProjection } from '../shared/defineSupersedingProjection';
import { whereIn } from '../shared/correctionScope';

/** `groupScores`: every quarterly score of every group, each superseded one marked by its successor. */
export const groupScoresProjection = defineSupersedingProjection({
  name: 'groupScores',
  handles: groupScoreAggregate.eventTypes,
  collection: GROUP_SCORES,
  indexes: [{ groupId: 1, quarter: 1 }, { quarter: 1 }],
  forgets: (scope) => whereIn('groupId', scope.idsIn('groupscore')),
  recordId: (event) => event.data.scoreId,
  supersedes: (event) => event.data.supersedes,
  recordOf: scoreOf,
  superseded: supersede,
});

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
