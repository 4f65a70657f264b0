import { duesAggregate } from '../../domain/dues/dues.aggregate';
import { appFeature } from '../appFeature';
import type { UnitQueries } from '../units/unitQueries';
import { DuesCommands } from './duesCommands';
import { DuesMemberStreamFacts } from './duesMemberStreamFacts';
import { DuesQueries } from './duesQueries';

/** Dues: each member's base and payments, and the reports over them. */
export const duesFeature = appFeature({
  queries: ({ readStore, duesPolicy }, { unitQueries }: { unitQueries: UnitQueries }) => ({ duesQueries: new DuesQueries(readStore, unitQueries, duesPolicy) }),
  commands: ({ runner, commandPaths, memberStreamFacts, config }) => ({
    dues: new DuesCommands(runner, commandPaths.of(duesAggregate), new DuesMemberStreamFacts(memberStreamFacts), config.duesPolicy),
  }),
});
