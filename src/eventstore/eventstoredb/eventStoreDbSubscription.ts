import type { AllStreamSubscription } from '@eventstore/db-client';
import type { AllSubscription, EventFilter, Position, RecordedEvent } from '../eventStore';
import { matchesFilter } from '../eventStore';
import { isSystemEvent, toRecordedEvent } from './mapping';

/**
 * Maps the client's catch-up subscription to ours. The server filter only narrows by prefix,
 * so the exact filter, the `after` bound and the system-event rule are applied here as well.
 */
export class EventStoreDbSubscription implements AllSubscription {
  private unsubscribed = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly after: Position | undefined,
    private readonly filter: EventFilter | undefined,
    private readonly ended: (subscription: EventStoreDbSubscription) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    try {
      for await (const resolved of this.source) {
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event, resolved.commitPosition);
        if (this.after !== undefined && recorded.position <= this.after) continue;
        if (matchesFilter(recorded, this.filter)) yield recorded;
      }
    } catch (error) {
      // Ending the stream on unsubscribe surfaces as a premature close; that is the normal end.
      if (!this.unsubscribed) throw error;
    } finally {
      await this.unsubscribe();
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.unsubscribed) return;
    this.unsubscribed = true;
    this.ended(this);
    await this.source.unsubscribe();
    // Cancelling the call does not end the client's stream; destroying it ends a pending read.
    this.source.destroy();
  }
}
