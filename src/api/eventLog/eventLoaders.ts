import { EVENT_INDEX, type EventIndexDocument } from '../../../projections';
import { idLoader } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

/** Per-request loaders of the event log: an event by id. */
export const eventLoaders = viewLoaders(({ readStore: store }) => ({
  byId: idLoader<EventIndexDocument | undefined>(async (ids) => {
    const found = await store.collection<EventIndexDocument>(EVENT_INDEX).find({ eventId: { $in: [...ids] } });
    return new Map(found.map((event) => [event.eventId, event]));
  }, undefined),
}));
