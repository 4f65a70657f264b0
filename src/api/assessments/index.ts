import type { ApiFeature } from '../shared/apiFeature';
import { assessmentsAccess, assessmentsMutationScope } from './assessments.access';
import { GroupScoreResolver } from './groupScore.resolver';
import { AssessmentMutationResolver } from './assessmentMutation.resolver';
import { UnitGroupScoresResolver } from './unitGroupScores.resolver';
import { MemberAppraisalsResolver } from './memberAppraisals.resolver';

export const assessmentsApi: ApiFeature = {
  resolvers: [GroupScoreResolver, AssessmentMutationResolver, UnitGroupScoresResolver, MemberAppraisalsResolver],
  access: assessmentsAccess,
  mutationScope: assessmentsMutationScope,
};
