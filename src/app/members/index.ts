import { memberAggregate } from '../../domain/members/member.aggregate';
import { appFeature } from '../appFeature';
import type { UnitQueries } from '../units/unitQueries';
import { MemberCommands } from './memberCommands';
import { MemberQueries } from './memberQueries';
import { TransferExpiry } from './transferExpiry';
import { TransferReadFacts } from './transferReadFacts';

/** Members: registration, stages, leaving, transfers between branches and groups. */
export const membersFeature = appFeature({
  queries: ({ readStore }, { unitQueries }: { unitQueries: UnitQueries }) => ({ memberQueries: new MemberQueries(readStore, unitQueries) }),
  commands: ({ runner, commandPaths, unitStreamFacts, readStore, readModels, projector, clock, config }) => {
    const members = new MemberCommands(
      runner,
      commandPaths.of(memberAggregate),
      unitStreamFacts,
      new TransferReadFacts(readStore),
      readModels,
      config.transferExpiryDays,
    );
    return { members, transferExpiry: new TransferExpiry(readStore, projector, members, clock) };
  },
});
