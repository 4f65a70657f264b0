import { unitOnDate, type UnitState } from '../../domain/units/unit';
import { unitDecider } from '../../domain/units/unit.decide';
import { unitStream } from '../../domain/units/unit.events';
import type { UnitOnDate } from '../../domain/units/unitOnDate';
import { UNIT_LEVELS } from '../../domain/units/unitLevel';
import type { EventStore } from '../../eventstore/eventStore';
import { loadAggregate } from '../commands/loadAggregate';

/**
 * Cross-aggregate facts about units, read from the units' own streams so that a decision sees
 * them exactly as recorded (no read-model lag).
 */
export class UnitStreamFacts {
  /**
   * Reads started in the current turn of the event loop, shared by the commands of that turn:
   * concurrent registrations into one branch read its stream once. Appends are only written at
   * the end of a turn, so a shared read is as fresh as a separate one would have been.
   */
  private readonly thisTurn = new Map<string, Promise<UnitState>>();

  constructor(private readonly store: EventStore) {}

  state(unitId: string): Promise<UnitState> {
    let state = this.thisTurn.get(unitId);
    if (state === undefined) {
      if (this.thisTurn.size === 0) setImmediate(() => this.thisTurn.clear());
      state = loadAggregate(this.store, unitStream(unitId), unitDecider).then((loaded) => loaded.state);
      this.thisTurn.set(unitId, state);
    }
    return state;
  }

  /** `unitId` and its ancestors on `date`, nearest first (empty for null). */
  async lineOn(unitId: string | null, date: string): Promise<string[]> {
    const line: string[] = [];
    let next = unitId;
    while (next !== null && line.length < UNIT_LEVELS.length && !line.includes(next)) {
      line.push(next);
      next = (await this.onDate(next, date))?.parentId ?? null;
    }
    return line;
  }

  /** The unit on `date`, or null when `unitId` is null or names no unit. */
  async onDate(unitId: string | null | undefined, date: string): Promise<UnitOnDate | null> {
    if (!unitId) return null;
    return unitOnDate(await this.state(unitId), date);
  }
}
