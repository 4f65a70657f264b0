import type { DuesPolicy } from '../domain/dues/duesPolicy';
import type { EventStore } from '../eventstore/eventStore';
import type { ReadStore } from '../readstore/readStore';
import type { Clock } from './clock';
import type { CommandPaths } from './commands/commandPath';
import type { MutationRunner } from './commands/mutationRunner';
import type { ReadModelCatchUp } from './commands/readModelCatchUp';
import type { Config } from './config';
import type { MemberStreamFacts } from './members/memberStreamFacts';
import type { Projector } from './projector/projector';
import type { UnitStreamFacts } from './units/unitStreamFacts';

/** What every feature's query services are built over: one set of read models, live or a `knownAt` copy. */
export interface QueryParts {
  readStore: ReadStore;
  duesPolicy: DuesPolicy;
}

/** What every feature's command services are built from; the composition root builds each part once. */
export interface CommandParts {
  config: Config;
  clock: Clock;
  eventStore: EventStore;
  /** The live read models. */
  readStore: ReadStore;
  projector: Projector;
  runner: MutationRunner;
  commandPaths: CommandPaths;
  readModels: ReadModelCatchUp;
  /** Unit and member streams, which most features decide on; one reader each, so reads in one turn are shared. */
  unitStreamFacts: UnitStreamFacts;
  memberStreamFacts: MemberStreamFacts;
}

/**
 * What one feature contributes to the app (its `index.ts`): query services over a set of read
 * models, and command services. `Needs` are the query services it takes from the features
 * listed before it in `features.ts`; the command side gets those and its own query services.
 */
export interface AppFeature<Needs, Queries, Commands> {
  queries: (parts: QueryParts, needs: Needs) => Queries;
  // NoInfer: `Needs` is what `queries` declares, not what the command side happens to use.
  commands: (parts: CommandParts, queries: NoInfer<Needs & Queries>) => Commands;
}

/** Checks a feature's shape where it is written and infers its types. */
export function appFeature<Needs, Queries, Commands>(feature: AppFeature<Needs, Queries, Commands>): AppFeature<Needs, Queries, Commands> {
  return feature;
}
