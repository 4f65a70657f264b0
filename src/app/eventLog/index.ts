import { appFeature } from '../appFeature';
import { EventQueries } from './eventQueries';

/** The event log: every recorded event, filtered and paged. */
export const eventLogFeature = appFeature({
  queries: ({ readStore }) => ({ eventQueries: new EventQueries(readStore) }),
  commands: () => ({}),
});
