import { defineAggregate } from '../aggregate';
import { pairingDecider } from './pairing.decide';
import { pairingEventTypes, pairingStream, type PairingEvent } from './pairing.events';

export const pairingAggregate = defineAggregate({
  category: 'pairing',
  eventTypes: pairingEventTypes,
  streamId: pairingStream,
  idOf: (event: PairingEvent) => event.data.pairingId,
  decider: pairingDecider,
});
