import type { RecordGroupScore, ScoredUnit } from '../../../src/domain/assessments/groupScore.commands';
import { groupScoreDecider } from '../../../src/domain/assessments/groupScore.decide';
import type { GroupScored } from '../../../src/domain/assessments/groupScore.events';
import { InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { TODAY } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const groupG1: ScoredUnit = { unitId: 'g1', level: 'GROUP', name: '红一组', establishedOn: '2020-03-01', dissolvedOn: null, parentId: 'b1' };
const typed = {
  memberEducation: '1.5',
  memberManagement: '1.25',
  memberDevelopment: '0.8',
  servingTheCentre: '2.75',
  contactWithPublic: '1.20',
  distinctiveWork: '1',
};

const record = (overrides: Partial<RecordGroupScore> = {}): RecordGroupScore => ({
  type: 'RecordGroupScore',
  scoreId: 's1',
  groupId: 'g1',
  group: groupG1,
  quarter: '2024-Q1',
  scores: typed,
  effectiveDate: '2024-04-05',
  today: TODAY,
  ...overrides,
});

const scored: GroupScored = {
  type: 'GroupScored',
  data: {
    scoreId: 's1',
    groupId: 'g1',
    quarter: '2024-Q1',
    scores: { memberEducation: 150, memberManagement: 125, memberDevelopment: 80, servingTheCentre: 275, contactWithPublic: 120, distinctiveWork: 100 },
    total: 850,
    supersedes: null,
    branchId: 'b1',
  },
};

const given = spec(groupScoreDecider).given;

describe('recording a group score', () => {
  it('stores the six categories and the total as whole hundredths, with the group’s branch', () => {
    given([]).when(record()).then([scored]);
  });

  it('a re-score of the same quarter supersedes the standing score and says which', () => {
    given([on('2024-04-05', scored)])
      .when(record({ scoreId: 's2', effectiveDate: '2024-04-20' }))
      .then([{ ...scored, data: { ...scored.data, scoreId: 's2', supersedes: 's1' } }]);
    // Another quarter is its own first score.
    given([on('2024-04-05', scored)])
      .when(record({ scoreId: 's3', quarter: '2024-Q2', effectiveDate: '2024-06-30' }))
      .then([{ ...scored, data: { ...scored.data, scoreId: 's3', quarter: '2024-Q2' } }]);
  });

  it('refuses a re-score dated before the score it supersedes', () => {
    given([on('2024-04-05', scored)])
      .when(record({ scoreId: 's2', effectiveDate: '2024-04-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_SCORE');
  });

  it.each([
    ['above its maximum', { servingTheCentre: '3.01' }, 'GROUP_SCORE.OUT_OF_RANGE', 'input.scores.servingTheCentre'],
    ['negative', { memberDevelopment: '-0.5' }, 'GROUP_SCORE.BAD_NUMBER', 'input.scores.memberDevelopment'],
    ['with three decimal places', { memberEducation: '1.255' }, 'GROUP_SCORE.BAD_NUMBER', 'input.scores.memberEducation'],
    ['missing', { distinctiveWork: '' }, 'INPUT.REQUIRED', 'input.scores.distinctiveWork'],
  ])('refuses a category score %s, naming the category', (_, change, code, field) => {
    const error = given([])
      .when(record({ scores: { ...typed, ...change } }))
      .thenThrows(InvalidInput, code);
    expect(error.field).toBe(field);
  });

  it('accepts every category at its maximum (10 points) and at zero', () => {
    const max = {
      memberEducation: '1.5',
      memberManagement: '1.5',
      memberDevelopment: '1',
      servingTheCentre: '3',
      contactWithPublic: '1.5',
      distinctiveWork: '1.50',
    };
    expect(groupScoreDecider.decide(record({ scores: max }), groupScoreDecider.initialState())[0].data.total).toBe(1000);
    const zero = {
      memberEducation: '0',
      memberManagement: '0',
      memberDevelopment: '0',
      servingTheCentre: '0.00',
      contactWithPublic: '0',
      distinctiveWork: '0',
    };
    expect(groupScoreDecider.decide(record({ scores: zero }), groupScoreDecider.initialState())[0].data.total).toBe(0);
  });

  it('refuses a malformed quarter, a quarter not begun yet, and an effective date before the quarter', () => {
    expect(
      given([])
        .when(record({ quarter: '2024-Q5' }))
        .thenThrows(InvalidInput, 'QUARTER.INVALID').field,
    ).toBe('input.quarter');
    given([])
      .when(record({ quarter: '2024-Q3', effectiveDate: TODAY }))
      .thenThrows(InvalidInput, 'QUARTER.IN_FUTURE');
    given([])
      .when(record({ effectiveDate: '2023-12-31' }))
      .thenThrows(RuleViolation, 'GROUP_SCORE.BEFORE_QUARTER');
  });

  it('scores only a GROUP that was active during the quarter', () => {
    given([])
      .when(record({ group: null }))
      .thenThrows(NotFound, 'GROUP_SCORE.GROUP_NOT_FOUND');
    given([])
      .when(record({ group: { ...groupG1, level: 'BRANCH' } }))
      .thenThrows(RuleViolation, 'GROUP_SCORE.NOT_A_GROUP');
    given([])
      .when(record({ group: { ...groupG1, establishedOn: '2024-04-01' } }))
      .thenThrows(RuleViolation, 'GROUP_SCORE.GROUP_NOT_ACTIVE');
    given([])
      .when(record({ group: { ...groupG1, dissolvedOn: '2024-01-01' } }))
      .thenThrows(RuleViolation, 'GROUP_SCORE.GROUP_NOT_ACTIVE');
    // Dissolved during the quarter: it was active for part of it, so it is scored.
    expect(groupScoreDecider.decide(record({ group: { ...groupG1, dissolvedOn: '2024-02-15' } }), groupScoreDecider.initialState())).toHaveLength(1);
  });
});
