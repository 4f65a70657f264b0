import { defineAggregate } from '../aggregate';
import { pairingDecider } from './pairing.decide';
import { pairingStream, type PairingEvent } from './pairing.events';

export const pairingAggregate = defineAggregate({
  category: 'pairing',
  eventTypes: { PairingAssigned: true, PairingEnded: true },
  streamId: pairingStream,
  idOf: (event: PairingEvent) => event.data.pairingId,
  decider: pairingDecider,
});
