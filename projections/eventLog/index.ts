import type { Projection } from '../shared/projection';
import { eventIndexProjection } from './eventIndex.projection';

/** The event index: it reads the other read models of the same batch, so it is applied last. */
export const eventLogProjections: readonly Projection[] = [eventIndexProjection];

export { eventIndexProjection };
export { EVENT_INDEX, type EventIndexDocument } from './eventIndex.documents';
