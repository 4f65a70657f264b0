import { appraisalAggregate } from '../../domain/assessments/appraisal.aggregate';
import { groupScoreAggregate } from '../../domain/assessments/groupScore.aggregate';
import { appFeature } from '../appFeature';
import type { UnitQueries } from '../units/unitQueries';
import { AppraisalCommands } from './appraisalCommands';
import { AppraisalQueries } from './appraisalQueries';
import { AssessmentStreamFacts } from './assessmentStreamFacts';
import { GroupScoreCommands } from './groupScoreCommands';
import { GroupScoreQueries } from './groupScoreQueries';

/** Assessments: quarterly group scores and yearly democratic appraisals of members. */
export const assessmentsFeature = appFeature({
  queries: ({ readStore }, { unitQueries }: { unitQueries: UnitQueries }) => ({
    groupScoreQueries: new GroupScoreQueries(readStore, unitQueries),
    appraisalQueries: new AppraisalQueries(readStore),
  }),
  commands: ({ runner, commandPaths, memberStreamFacts, unitStreamFacts }) => {
    const assessmentStreamFacts = new AssessmentStreamFacts(memberStreamFacts, unitStreamFacts);
    return {
      groupScores: new GroupScoreCommands(runner, commandPaths.of(groupScoreAggregate), assessmentStreamFacts),
      appraisals: new AppraisalCommands(runner, commandPaths.of(appraisalAggregate), assessmentStreamFacts),
    };
  },
});
