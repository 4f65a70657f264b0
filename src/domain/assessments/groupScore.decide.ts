import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { LocalDate } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { requireEffectiveDate } from '../shared/validation';
import { evolve, initialGroupScoreState, type GroupScoreState } from './groupScore';
import type { GroupScoreCommand, RecordGroupScore, ScoredUnit } from './groupScore.commands';
import type { GroupScored } from './groupScore.events';
import { parseQuarter, type QuarterSpan } from './quarter';
import { requireScores, totalOf } from './scoreCategories';

export function recordScore(command: RecordGroupScore, state: GroupScoreState): GroupScored {
  const on = requireEffectiveDate(command);
  const span = parseQuarter(command.quarter, 'input.quarter');
  if (span.start > command.today) {
    throw new InvalidInput('QUARTER.IN_FUTURE', `input.quarter ${span.quarter} has not begun yet (today is ${command.today})`, 'input.quarter');
  }
  if (on < span.start) {
    throw new RuleViolation(
      'GROUP_SCORE.BEFORE_QUARTER',
      `input.effectiveDate ${on} is before quarter ${span.quarter} begins (${span.start})`,
      'input.effectiveDate',
    );
  }
  const group = requireGroupDuring(command, span);
  const scores = requireScores(command.scores, 'input.scores');
  const previous = state.byQuarter[span.quarter];
  if (previous !== undefined) requireNotBefore(on, previous.scoredOn, 'DATE.BEFORE_SCORE', `the score it supersedes (${previous.scoreId})`);
  return {
    type: 'GroupScored',
    data: {
      scoreId: command.scoreId,
      groupId: command.groupId,
      quarter: span.quarter,
      scores,
      total: totalOf(scores),
      supersedes: previous?.scoreId ?? null,
      branchId: group.parentId,
    },
  };
}

export function decide(command: GroupScoreCommand, state: GroupScoreState): GroupScored[] {
  switch (command.type) {
    case 'RecordGroupScore':
      return [recordScore(command, state)];
    default:
      return assertNever(command.type);
  }
}

export const groupScoreDecider: Decider<GroupScoreCommand, GroupScored, GroupScoreState> = { initialState: initialGroupScoreState, evolve, decide };

/** Only a GROUP is scored, and only for a quarter in which it was active for at least a day. */
function requireGroupDuring(command: RecordGroupScore, span: QuarterSpan): ScoredUnit {
  const field = 'input.groupId';
  const { group } = command;
  if (group === null) throw new NotFound('GROUP_SCORE.GROUP_NOT_FOUND', `${field}: no unit ${command.groupId} exists`, field);
  if (group.level !== 'GROUP') {
    throw new RuleViolation('GROUP_SCORE.NOT_A_GROUP', `${field}: ${command.groupId} ("${group.name}") is a ${group.level}; only a GROUP is scored`, field);
  }
  if (!activeDuring(group, span.start, span.end)) {
    const when = group.dissolvedOn === null ? `established on ${group.establishedOn}` : `active from ${group.establishedOn} until ${group.dissolvedOn}`;
    throw new RuleViolation(
      'GROUP_SCORE.GROUP_NOT_ACTIVE',
      `${field}: group ${command.groupId} ("${group.name}") was not active during ${span.quarter} (${when})`,
      field,
    );
  }
  return group;
}

function activeDuring(unit: ScoredUnit, start: LocalDate, end: LocalDate): boolean {
  return unit.establishedOn <= end && (unit.dissolvedOn === null || unit.dissolvedOn > start);
}
