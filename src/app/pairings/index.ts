import { pairingAggregate } from '../../domain/pairings/pairing.aggregate';
import { appFeature } from '../appFeature';
import { PairingCommands } from './pairingCommands';
import { PairingQueries } from './pairingQueries';
import { PairingReadFacts } from './pairingReadFacts';
import { PartyStreamFacts } from './partyStreamFacts';

/** Pairings: advisers, mentors, contact points and the like between members, units and outside parties. */
export const pairingsFeature = appFeature({
  queries: ({ readStore }) => ({ pairingQueries: new PairingQueries(readStore) }),
  commands: ({ runner, commandPaths, memberStreamFacts, unitStreamFacts, readStore, readModels }) => ({
    pairings: new PairingCommands(
      runner,
      commandPaths.of(pairingAggregate),
      new PartyStreamFacts(memberStreamFacts, unitStreamFacts),
      new PairingReadFacts(readStore),
      readModels,
    ),
  }),
});
