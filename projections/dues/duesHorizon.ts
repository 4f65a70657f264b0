import type { PositionedEvent } from '../../src/domain/events';
import { DUES_HORIZON_ID, type DuesHorizonDocument } from './duesSpans.documents';

/**
 * The horizon once `events` are applied: the latest effective date of them all and of those before,
 * from the last event of that date. It does not depend on how the log is cut into batches.
 */
export function advanceHorizon(horizon: DuesHorizonDocument | undefined, events: readonly PositionedEvent[]): DuesHorizonDocument | undefined {
  let latest = horizon === undefined ? undefined : { date: horizon.knownThrough, position: horizon.position };
  for (const { effectiveDate: date, position } of events) {
    if (latest === undefined || date > latest.date || (date === latest.date && position > latest.position)) latest = { date, position };
  }
  if (latest === undefined) return undefined;
  if (horizon !== undefined && latest.date === horizon.knownThrough && latest.position === horizon.position) return horizon;
  return { _id: DUES_HORIZON_ID, knownThrough: latest.date, position: latest.position };
}
