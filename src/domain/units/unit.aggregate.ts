import { defineAggregate } from '../aggregate';
import { unitDecider } from './unit.decide';
import { unitEventTypes, unitStream, type UnitEvent } from './unit.events';

export const unitAggregate = defineAggregate({
  category: 'unit',
  eventTypes: unitEventTypes,
  streamId: unitStream,
  idOf: (event: UnitEvent) => event.data.unitId,
  decider: unitDecider,
});
