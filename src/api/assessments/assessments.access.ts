import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, PERSONAL, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the assessments feature adds to the schema (deny by default: a field left out is refused). */
export const assessmentsAccess = {
  Appraisal: {
    appraisedOn: READERS,
    grade: PERSONAL,
    id: READERS,
    memberId: READERS,
    superseded: READERS,
    supersededBy: READERS,
    supersedes: READERS,
    year: READERS,
  },
  AppraisalPayload: {
    appraisal: ANY_ROLE,
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  GroupScore: {
    group: READERS,
    groupId: READERS,
    id: READERS,
    quarter: READERS,
    rank: READERS,
    redFlagCandidate: READERS,
    scoredOn: READERS,
    scores: READERS,
    superseded: READERS,
    supersededBy: READERS,
    supersedes: READERS,
    total: READERS,
  },
  GroupScoreCategories: {
    contactWithPublic: READERS,
    distinctiveWork: READERS,
    memberDevelopment: READERS,
    memberEducation: READERS,
    memberManagement: READERS,
    servingTheCentre: READERS,
  },
  GroupScorePayload: {
    eventIds: ANY_ROLE,
    groupScore: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  Member: {
    appraisal: READERS,
    appraisals: READERS,
  },
  Mutation: {
    recordAppraisal: WRITERS,
    recordGroupScore: WRITERS,
  },
  Query: {
    groupRanking: READERS,
  },
  Unit: {
    groupScores: READERS,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const assessmentsMutationScope: MutationScopeRules = {
  recordAppraisal: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
  recordGroupScore: (input) => [{ kind: 'unit', id: id(input, 'groupId'), field: 'groupId' }],
};
