/**
 * Some of the appended event ids are already stored, but not as an exact repeat of an earlier
 * append to this stream (EventStoreDB reports this case as a corrupted idempotent write).
 * Retrying is pointless: the caller must repeat the original append or use fresh ids.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    reason: string,
  ) {
    super(`Stream "${stream}": event id ${eventId} ${reason}`);
    this.name = 'EventIdConflictError';
  }
}
