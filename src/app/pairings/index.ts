import { pairingAggregate } from '../../domain/pairings/pairing.aggregate';
import { appFeature } from '../appFeature';
import { PairingCommands } from './pairingCommands';
import { PairingQueries } from './pairingQueries';
import { PairingReadFacts } from './pairingReadFacts';
import { PartyStreamFacts } from './partyStreamFacts';
import { ScopeMembership } from '../access/scopeMembership';
import type { MemberQueries } from '../members/memberQueries';
import type { UnitQueries } from '../units/unitQueries';

/** Pairings: advisers, mentors, contact points and the like between members, units and outside parties. */
export const pairingsFeature = appFeature({
  queries: ({ readStore }, _needs: { unitQueries: UnitQueries; memberQueries: MemberQueries }) => ({ pairingQueries: new PairingQueries(readStore) }),
  commands: ({ runner, commandPaths, memberStreamFacts, unitStreamFacts, readStore, readModels }, { unitQueries, memberQueries }) => ({
    pairings: new PairingCommands(
      runner,
      commandPaths.of(pairingAggregate),
      new PartyStreamFacts(memberStreamFacts, unitStreamFacts),
      new PairingReadFacts(readStore),
      readModels,
      new ScopeMembership(unitQueries, memberQueries),
    ),
  }),
});
