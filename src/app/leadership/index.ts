import { leadershipAggregate } from '../../domain/leadership/leadership.aggregate';
import { appFeature } from '../appFeature';
import { LeadershipCommands } from './leadershipCommands';
import { LeadershipQueries } from './leadershipQueries';
import { OfficerCandidateStreamFacts } from './officerCandidateStreamFacts';

/** Leadership: elections of a unit's officers, resignations and removals. */
export const leadershipFeature = appFeature({
  queries: ({ readStore }) => ({ leadershipQueries: new LeadershipQueries(readStore) }),
  commands: ({ runner, commandPaths, unitStreamFacts, memberStreamFacts }) => ({
    leadership: new LeadershipCommands(
      runner,
      commandPaths.of(leadershipAggregate),
      unitStreamFacts,
      new OfficerCandidateStreamFacts(memberStreamFacts, unitStreamFacts),
    ),
  }),
});
