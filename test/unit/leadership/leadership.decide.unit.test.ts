import type { CandidateOnDate, RecordElection, RemoveFromOffice, ResignOffice } from '../../../src/domain/leadership/leadership.commands';
import { leadershipDecider } from '../../../src/domain/leadership/leadership.decide';
import type { ElectionHeld, LeadershipEvent } from '../../../src/domain/leadership/leadership.events';
import { InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, groupG1, TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const committeeC1 = unit('c1', 'COMMITTEE', { parentId: 'd1' });
const candidate = (memberId: string, overrides: Partial<CandidateOnDate> = {}): CandidateOnDate => ({
  memberId,
  name: `name of ${memberId}`,
  status: 'FULL',
  branchId: 'b1',
  groupId: 'g1',
  line: ['b1', 'c1', 'd1'],
  ...overrides,
});

/** Branch b1 elects m1 secretary, m2 deputy and m3 committee member on 2021-03-15. */
const election = (overrides: Partial<RecordElection> = {}): RecordElection => ({
  type: 'RecordElection',
  electionId: 'e1',
  unitId: 'b1',
  unit: branchB1,
  termYears: null,
  officers: [
    { memberId: 'm1', role: 'SECRETARY', votes: 28 },
    { memberId: 'm2', role: 'DEPUTY_SECRETARY', votes: 25 },
    { memberId: 'm3', role: 'COMMITTEE_MEMBER', votes: null },
  ],
  candidates: { m1: candidate('m1'), m2: candidate('m2'), m3: candidate('m3', { groupId: null }) },
  votes: { eligible: 31, cast: 30 },
  effectiveDate: '2021-03-15',
  today: TODAY,
  ...overrides,
});

const heldEvent: ElectionHeld = {
  type: 'ElectionHeld',
  data: {
    electionId: 'e1',
    unitId: 'b1',
    unitLevel: 'BRANCH',
    heldOn: '2021-03-15',
    termYears: 3,
    termEndsOn: '2024-03-15',
    officers: [
      { memberId: 'm1', role: 'SECRETARY', votes: 28 },
      { memberId: 'm2', role: 'DEPUTY_SECRETARY', votes: 25 },
      { memberId: 'm3', role: 'COMMITTEE_MEMBER', votes: null },
    ],
    votes: { eligible: 31, cast: 30 },
    previousElectionId: null,
  },
};
const held = on<LeadershipEvent>('2021-03-15', heldEvent);
const resignation = (overrides: Partial<ResignOffice> = {}): ResignOffice => ({
  type: 'ResignOffice',
  unitId: 'b1',
  memberId: 'm2',
  reason: ' 工作调动 ',
  effectiveDate: '2022-05-01',
  today: TODAY,
  ...overrides,
});
const removal = (overrides: Partial<RemoveFromOffice> = {}): RemoveFromOffice => ({
  type: 'RemoveFromOffice',
  unitId: 'b1',
  memberId: 'm1',
  reason: '受到党纪处分',
  effectiveDate: '2022-05-01',
  today: TODAY,
  ...overrides,
});

const given = spec(leadershipDecider).given;

describe('recording an election', () => {
  it('a branch elects its committee for the default 3 years, with the votes each officer received', () => {
    given([]).when(election()).then([heldEvent]);
  });

  it('committees and districts serve 5 years by default; a term may be given explicitly', () => {
    const [committee] = leadershipDecider.decide(
      election({ unitId: 'c1', unit: committeeC1, votes: null, officers: [{ memberId: 'm1', role: 'SECRETARY', votes: null }] }),
      leadershipDecider.initialState(),
    );
    expect(committee?.type === 'ElectionHeld' && [committee.data.termYears, committee.data.termEndsOn]).toEqual([5, '2026-03-15']);
    const [explicit] = leadershipDecider.decide(election({ termYears: 2 }), leadershipDecider.initialState());
    expect(explicit?.type === 'ElectionHeld' && explicit.data.termEndsOn).toBe('2023-03-15');
    given([])
      .when(election({ termYears: 0 }))
      .thenThrows(InvalidInput, 'INPUT.OUT_OF_RANGE');
  });

  it('a new election ends the terms of the previous one, and names it', () => {
    const [next] = leadershipDecider.decide(
      election({ electionId: 'e2', effectiveDate: '2024-03-20' }),
      [held].reduce(leadershipDecider.evolve, leadershipDecider.initialState()),
    );
    expect(next?.type === 'ElectionHeld' && next.data.previousElectionId).toBe('e1');
  });

  it('a group elects only a group leader, from its own members', () => {
    const groupElection = (memberGroup: string | null, role = 'GROUP_LEADER') =>
      election({
        unitId: 'g1',
        unit: groupG1,
        votes: null,
        officers: [{ memberId: 'm1', role, votes: null }],
        candidates: { m1: candidate('m1', { groupId: memberGroup }) },
      });
    expect(leadershipDecider.decide(groupElection('g1'), leadershipDecider.initialState())).toHaveLength(1);
    given([]).when(groupElection('g2')).thenThrows(RuleViolation, 'ELECTION.OFFICER_NOT_IN_UNIT');
    const error = given([]).when(groupElection('g1', 'SECRETARY')).thenThrows(RuleViolation, 'ELECTION.ROLE_NOT_FOR_LEVEL');
    expect(error.field).toBe('input.officers[0].role');
    given([])
      .when(election({ officers: [{ memberId: 'm1', role: 'GROUP_LEADER', votes: null }] }))
      .thenThrows(RuleViolation, 'ELECTION.ROLE_NOT_FOR_LEVEL');
  });

  it('every officer is a full member of the unit on the day; for a committee, of a branch in its subtree', () => {
    const error = given([])
      .when(election({ candidates: { ...election().candidates, m2: candidate('m2', { branchId: 'b2', line: ['b2', 'c1', 'd1'] }) } }))
      .thenThrows(RuleViolation, 'ELECTION.OFFICER_NOT_IN_UNIT');
    expect(error.field).toBe('input.officers[1].memberId');
    const committee = (line: string[]) =>
      election({
        unitId: 'c1',
        unit: committeeC1,
        votes: null,
        officers: [{ memberId: 'm1', role: 'SECRETARY', votes: null }],
        candidates: { m1: candidate('m1', { branchId: 'b9', line }) },
      });
    expect(leadershipDecider.decide(committee(['b9', 'c1', 'd1']), leadershipDecider.initialState())).toHaveLength(1);
    given([])
      .when(committee(['b9', 'c2', 'd1']))
      .thenThrows(RuleViolation, 'ELECTION.OFFICER_NOT_IN_UNIT');
    given([])
      .when(election({ candidates: { ...election().candidates, m1: candidate('m1', { status: 'PROBATIONARY' }) } }))
      .thenThrows(RuleViolation, 'ELECTION.OFFICER_NOT_FULL_MEMBER');
    given([])
      .when(election({ candidates: { m2: candidate('m2'), m3: candidate('m3') } }))
      .thenThrows(NotFound, 'ELECTION.OFFICER_NOT_FOUND');
  });

  it('at most one secretary, each member once, at least one officer', () => {
    given([])
      .when(
        election({
          officers: [
            { memberId: 'm1', role: 'SECRETARY', votes: null },
            { memberId: 'm2', role: 'SECRETARY', votes: null },
          ],
        }),
      )
      .thenThrows(RuleViolation, 'ELECTION.ONE_PER_ROLE');
    given([])
      .when(
        election({
          officers: [
            { memberId: 'm1', role: 'SECRETARY', votes: null },
            { memberId: 'm1', role: 'COMMITTEE_MEMBER', votes: null },
          ],
        }),
      )
      .thenThrows(InvalidInput, 'ELECTION.OFFICER_TWICE');
    given([])
      .when(election({ officers: [] }))
      .thenThrows(InvalidInput, 'ELECTION.NO_OFFICERS');
    given([])
      .when(election({ officers: [{ memberId: 'm1', role: 'CHAIR', votes: null }] }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
  });

  it('vote counts are whole numbers: no more cast than eligible, no officer above the ballots cast', () => {
    given([])
      .when(election({ votes: { eligible: 20, cast: 30 } }))
      .thenThrows(InvalidInput, 'ELECTION.VOTES_EXCEED');
    const error = given([])
      .when(election({ votes: { eligible: 31, cast: 26 } }))
      .thenThrows(InvalidInput, 'ELECTION.VOTES_EXCEED');
    expect(error.field).toBe('input.officers[0].votes');
    given([])
      .when(election({ votes: { eligible: -1, cast: null } }))
      .thenThrows(InvalidInput, 'INPUT.OUT_OF_RANGE');
  });

  it('refuses an unknown or inactive unit, a second election the same day, and an election dated before the last change', () => {
    given([])
      .when(election({ unit: null }))
      .thenThrows(NotFound, 'ELECTION.UNIT_NOT_FOUND');
    given([])
      .when(election({ unit: { ...branchB1, active: false } }))
      .thenThrows(RuleViolation, 'ELECTION.UNIT_NOT_ACTIVE');
    given([held])
      .when(election({ electionId: 'e2' }))
      .thenThrows(RuleViolation, 'ELECTION.SAME_DAY');
    given([held])
      .when(election({ electionId: 'e2', effectiveDate: '2020-01-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_LEADERSHIP_CHANGE');
    given([])
      .when(election({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('leaving office mid-term', () => {
  it('an officer resigns, with the role and election of their term', () => {
    given([held])
      .when(resignation())
      .then([{ type: 'OfficerResigned', data: { unitId: 'b1', electionId: 'e1', memberId: 'm2', role: 'DEPUTY_SECRETARY', reason: '工作调动' } }]);
  });

  it('an officer is removed, with a reason', () => {
    given([held])
      .when(removal())
      .then([{ type: 'OfficerRemoved', data: { unitId: 'b1', electionId: 'e1', memberId: 'm1', role: 'SECRETARY', reason: '受到党纪处分' } }]);
    given([held])
      .when(removal({ reason: ' ' }))
      .thenThrows(InvalidInput, 'OFFICE.REASON_REQUIRED');
  });

  it('refuses someone not in office: never elected, already resigned, or elected in a superseded term', () => {
    given([]).when(resignation()).thenThrows(RuleViolation, 'OFFICE.NOT_IN_OFFICE');
    given([held])
      .when(resignation({ memberId: 'm9' }))
      .thenThrows(RuleViolation, 'OFFICE.NOT_IN_OFFICE');
    const resigned = on<LeadershipEvent>('2022-05-01', {
      type: 'OfficerResigned',
      data: { unitId: 'b1', electionId: 'e1', memberId: 'm2', role: 'DEPUTY_SECRETARY', reason: null },
    });
    given([held, resigned])
      .when(removal({ memberId: 'm2', effectiveDate: '2022-06-01' }))
      .thenThrows(RuleViolation, 'OFFICE.NOT_IN_OFFICE');
    const reelected = on<LeadershipEvent>('2024-03-20', {
      ...heldEvent,
      data: { ...heldEvent.data, electionId: 'e2', officers: [heldEvent.data.officers[0]] },
    });
    given([held, reelected])
      .when(resignation({ effectiveDate: '2024-04-01' }))
      .thenThrows(RuleViolation, 'OFFICE.NOT_IN_OFFICE');
  });

  it('refuses a date before the last change of the leadership', () => {
    given([held])
      .when(resignation({ effectiveDate: '2021-03-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_LEADERSHIP_CHANGE');
  });
});
