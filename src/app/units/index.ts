import { unitAggregate } from '../../domain/units/unit.aggregate';
import { appFeature } from '../appFeature';
import { UnitCommands } from './unitCommands';
import { UnitQueries } from './unitQueries';
import { UnitReadFacts } from './unitReadFacts';

/** Units: the organization's tree and its history. */
export const unitsFeature = appFeature({
  queries: ({ readStore }) => ({ unitQueries: new UnitQueries(readStore) }),
  commands: ({ runner, commandPaths, unitStreamFacts, readStore }) => ({
    units: new UnitCommands(runner, commandPaths.of(unitAggregate), unitStreamFacts, new UnitReadFacts(readStore)),
  }),
});
