import { unitOnDate, type UnitState } from '../../domain/unit/unit';
import { unitDecider } from '../../domain/unit/unit.decide';
import { unitStream } from '../../domain/unit/unit.events';
import type { UnitOnDate } from '../../domain/unit/unitOnDate';
import type { EventStore } from '../../eventstore/eventStore';
import { loadAggregate } from './loadAggregate';

/**
 * Cross-aggregate facts about units, read from the units' own streams so that a decision sees
 * them exactly as recorded (no read-model lag).
 */
export class UnitFacts {
  constructor(private readonly store: EventStore) {}

  async state(unitId: string): Promise<UnitState> {
    return (await loadAggregate(this.store, unitStream(unitId), unitDecider)).state;
  }

  /** The unit on `date`, or null when `unitId` is null or names no unit. */
  async onDate(unitId: string | null | undefined, date: string): Promise<UnitOnDate | null> {
    if (!unitId) return null;
    return unitOnDate(await this.state(unitId), date);
  }
}
