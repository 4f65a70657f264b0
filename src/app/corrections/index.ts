import { appFeature } from '../appFeature';
import { RetractionCommands } from './retractionCommands';
import { RetractionReadFacts } from './retractionReadFacts';
import { retractionStreams } from './retractionStreams';

/** Corrections: retracting a recorded event from the stream it was recorded in. */
export const correctionsFeature = appFeature({
  queries: () => ({}),
  commands: ({ runner, commandPaths, readStore, readModels }) => ({
    retractions: new RetractionCommands(runner, commandPaths.of(retractionStreams), new RetractionReadFacts(readStore, readModels)),
  }),
});
