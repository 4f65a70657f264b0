import { defineAggregate } from '../aggregate';
import { unitDecider } from './unit.decide';
import { unitStream, type UnitEvent } from './unit.events';

export const unitAggregate = defineAggregate({
  category: 'unit',
  eventTypes: { UnitEstablished: true, UnitRenamed: true, UnitMoved: true, UnitDissolved: true },
  streamId: unitStream,
  idOf: (event: UnitEvent) => event.data.unitId,
  decider: unitDecider,
});
