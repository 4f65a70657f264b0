import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';

/** An event named by its id and where it stands in `$all`. */
export interface LoggedEvent {
  id: string;
  position: Position;
}

/**
 * Which log a set of read models was made from, as far as they reach: its first event, and the
 * events at the lowest and the highest checkpoint. Another log (a new data folder, a restored
 * backup of another day) differs in one of them, or ends before the highest checkpoint.
 */
export interface LogIdentity {
  first: LoggedEvent;
  lowest: LoggedEvent;
  highest: LoggedEvent;
}

/** The identity of `events` for read models whose checkpoints are `checkpoints`; undefined when the log does not hold them all. */
export async function logIdentity(events: EventStore, checkpoints: readonly Position[]): Promise<LogIdentity | undefined> {
  if (checkpoints.length === 0) return undefined;
  const lowestPosition = checkpoints.reduce((lowest, position) => (position < lowest ? position : lowest));
  const highestPosition = checkpoints.reduce((highest, position) => (position > highest ? position : highest));
  const [first] = await events.readAll({ maxCount: 1 });
  const lowest = await eventAt(events, lowestPosition);
  const highest = await eventAt(events, highestPosition);
  if (first === undefined || lowest === undefined || highest === undefined) return undefined;
  return { first: logged(first), lowest: logged(lowest), highest: logged(highest) };
}

/** How a log differs from the one read models were saved from. */
export interface LogMismatch {
  /** `beyond-head`: the log ends before a checkpoint (it lost events, or is another one). */
  reason: 'another-log' | 'beyond-head';
  detail: string;
}

/** Why read models saved with `identity` are not of `events`; undefined when they are. */
export async function logMismatch(events: EventStore, identity: LogIdentity): Promise<LogMismatch | undefined> {
  const head = await events.headPosition();
  if (head === undefined || identity.highest.position > head) {
    return { reason: 'beyond-head', detail: `a checkpoint (${identity.highest.position}) is beyond the head of the log (${head ?? 'empty'})` };
  }
  const [first] = await events.readAll({ maxCount: 1 });
  if (first === undefined || first.id !== identity.first.id || first.position !== identity.first.position) {
    return { reason: 'another-log', detail: `the log starts with another event (${first?.id ?? 'none'}; saved: ${identity.first.id})` };
  }
  for (const [which, saved] of [
    ['lowest', identity.lowest],
    ['highest', identity.highest],
  ] as const) {
    const found = await eventAt(events, saved.position);
    if (found?.id !== saved.id) {
      return { reason: 'another-log', detail: `the event at the ${which} checkpoint ${saved.position} is ${found?.id ?? 'missing'} (saved: ${saved.id})` };
    }
  }
  return undefined;
}

/** The event at exactly `position`: the one after the event before it. */
async function eventAt(events: EventStore, position: Position): Promise<RecordedEvent | undefined> {
  const [before] = await events.readAll({ direction: 'backwards', after: position, maxCount: 1 });
  const [next] = await events.readAll({ after: before?.position, maxCount: 1 });
  return next?.position === position ? next : undefined;
}

function logged(event: RecordedEvent): LoggedEvent {
  return { id: event.id, position: event.position };
}
