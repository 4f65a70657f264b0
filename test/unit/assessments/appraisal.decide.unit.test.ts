import type { AppraisedMember, RecordAppraisal } from '../../../src/domain/assessments/appraisal.commands';
import { appraisalDecider } from '../../../src/domain/assessments/appraisal.decide';
import type { MemberAppraised } from '../../../src/domain/assessments/appraisal.events';
import { InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { TODAY } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const member: AppraisedMember = { memberId: 'm1', name: '张三', registeredOn: '2020-01-01', joinedOn: '2010-07-01', leftOn: null, branchId: 'b1' };

const appraise = (overrides: Partial<RecordAppraisal> = {}): RecordAppraisal => ({
  type: 'RecordAppraisal',
  appraisalId: 'p1',
  memberId: 'm1',
  member,
  year: 2023,
  grade: 'QUALIFIED',
  effectiveDate: '2024-01-15',
  today: TODAY,
  ...overrides,
});

const appraised: MemberAppraised = {
  type: 'MemberAppraised',
  data: { appraisalId: 'p1', memberId: 'm1', year: 2023, grade: 'QUALIFIED', supersedes: null, branchId: 'b1' },
};

const given = spec(appraisalDecider).given;

describe('recording a democratic appraisal', () => {
  it("grades a party member for a year, with the member's branch", () => {
    given([]).when(appraise()).then([appraised]);
  });

  it('a second appraisal of the same year supersedes the first and says which', () => {
    given([on('2024-01-15', appraised)])
      .when(appraise({ appraisalId: 'p2', grade: 'EXCELLENT', effectiveDate: '2024-02-01' }))
      .then([{ ...appraised, data: { ...appraised.data, appraisalId: 'p2', grade: 'EXCELLENT', supersedes: 'p1' } }]);
    given([on('2024-01-15', appraised)])
      .when(appraise({ appraisalId: 'p2', effectiveDate: '2024-01-10' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_APPRAISAL');
  });

  it('refuses an unknown grade and a year in the future or before the effective date allows', () => {
    expect(
      given([])
        .when(appraise({ grade: 'GOOD' }))
        .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE').field,
    ).toBe('input.grade');
    expect(
      given([])
        .when(appraise({ year: 2025 }))
        .thenThrows(InvalidInput, 'APPRAISAL.BAD_YEAR').field,
    ).toBe('input.year');
    given([])
      .when(appraise({ year: 2024.5 }))
      .thenThrows(InvalidInput, 'APPRAISAL.BAD_YEAR');
    given([])
      .when(appraise({ year: 2024, effectiveDate: '2023-12-31' }))
      .thenThrows(RuleViolation, 'APPRAISAL.BEFORE_YEAR');
  });

  it('appraises only someone who was a party member during that year', () => {
    given([])
      .when(appraise({ member: null }))
      .thenThrows(NotFound, 'APPRAISAL.MEMBER_NOT_FOUND');
    given([])
      .when(appraise({ member: { ...member, joinedOn: null } }))
      .thenThrows(RuleViolation, 'APPRAISAL.NOT_A_PARTY_MEMBER');
    given([])
      .when(appraise({ year: 2019 }))
      .thenThrows(RuleViolation, 'APPRAISAL.NOT_A_MEMBER_THAT_YEAR');
    given([])
      .when(appraise({ member: { ...member, leftOn: '2023-01-01' } }))
      .thenThrows(RuleViolation, 'APPRAISAL.NOT_A_MEMBER_THAT_YEAR');
    // Admitted in December, or left in March: a member for part of the year, so appraised.
    expect(appraisalDecider.decide(appraise({ member: { ...member, joinedOn: '2023-12-01' } }), appraisalDecider.initialState())).toHaveLength(1);
    expect(appraisalDecider.decide(appraise({ member: { ...member, leftOn: '2023-03-01' } }), appraisalDecider.initialState())).toHaveLength(1);
  });
});
