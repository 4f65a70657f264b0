import { InvalidInput } from '../../domain/shared/errors';
import type { EventStore, Position } from '../../eventstore/eventStore';
import { encodePosition } from '../../eventstore/position';
import type { Projector } from '../projector/projector';
import { requirePosition } from './eventQueries';

/** What checking a client's position needs: where the read models are, and where the log ends. */
export interface PositionSources {
  projector: Projector;
  eventStore: EventStore;
}

/** Before the first event: the position of an empty log. */
const BEFORE_THE_LOG = encodePosition(0n);

/**
 * A position a client passed (`minPosition`, `x-min-position`, `after`), well formed and reached
 * by the log: one beyond the head names no event yet (waiting for it could only time out), so it
 * is refused at once as POSITION.BEYOND_HEAD. Positions the read models include need no look-up.
 */
export async function requireRecordedPosition(app: PositionSources, value: string, field: string): Promise<Position> {
  const position = requirePosition(value, field);
  const reached = app.projector.position;
  if (reached !== undefined && position <= reached) return position;
  const head = await app.eventStore.headPosition();
  if (position > (head ?? BEFORE_THE_LOG)) {
    throw new InvalidInput(
      'POSITION.BEYOND_HEAD',
      `${field}: no event is recorded at position ${position} yet (the log ends at ${head ?? 'its start: it is empty'}); pass a position this API gave out`,
      field,
    );
  }
  return position;
}

/** Resolves once the read models include the event at `value` (read-your-writes); a position beyond the log's head is refused at once. */
export async function waitForReadModels(app: PositionSources, value: string, field: string): Promise<void> {
  const position = await requireRecordedPosition(app, value, field);
  // Nothing to wait for before the first event, even while the read models are at no position at all.
  if (position > BEFORE_THE_LOG) await app.projector.waitFor(position);
}
