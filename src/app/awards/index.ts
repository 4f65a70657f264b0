import { awardAggregate } from '../../domain/awards/award.aggregate';
import { appFeature } from '../appFeature';
import { AwardCommands } from './awardCommands';
import { AwardQueries } from './awardQueries';
import { AwardRecipientStreamFacts } from './awardRecipientStreamFacts';

/** Awards granted to members and units, and their revocation. */
export const awardsFeature = appFeature({
  queries: ({ readStore }) => ({ awardQueries: new AwardQueries(readStore) }),
  commands: ({ runner, commandPaths, unitStreamFacts, memberStreamFacts }) => ({
    awards: new AwardCommands(runner, commandPaths.of(awardAggregate), unitStreamFacts, new AwardRecipientStreamFacts(memberStreamFacts, unitStreamFacts)),
  }),
});
