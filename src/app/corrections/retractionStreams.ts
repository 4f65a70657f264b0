import type { OrgEvent } from '../../domain/events';
import type { RetractEvent } from '../../domain/corrections/retraction.commands';
import { retractionDecider } from '../../domain/corrections/retraction.decide';
import type { RetractionState } from '../../domain/corrections/retraction';
import type { DecidedStreams } from '../commands/commandPath';

/** A retraction is recorded in the stream of the event it withdraws: the id it is handled by is that stream. */
export const retractionStreams: DecidedStreams<RetractEvent, OrgEvent, RetractionState> = {
  streamId: (stream) => stream,
  decider: retractionDecider,
};
