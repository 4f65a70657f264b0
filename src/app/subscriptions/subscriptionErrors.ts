import type { Position } from '../../eventstore/eventStore';

/**
 * The subscriber did not take the events handed to it (too many waiting, or none taken for too
 * long) and was cut off rather than buffered without bound. It can resubscribe with
 * `after: resumeAfter` and miss nothing.
 */
export class SlowSubscriberError extends Error {
  constructor(
    readonly resumeAfter: Position | undefined,
    why: string,
  ) {
    const resume = resumeAfter === undefined ? 'without after' : `with after: "${resumeAfter}"`;
    super(`The subscription was ended because the subscriber ${why}; resubscribe ${resume} to miss nothing`);
    this.name = 'SlowSubscriberError';
  }
}

/** A caller asked for more replays than may wait for a slot; it should let one finish first. */
export class TooManyReplaysError extends Error {
  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {
    super(
      `Too many replays for this caller: ${running} running and ${waiting} waiting for a slot already; let one finish (or end one) before starting another`,
    );
    this.name = 'TooManyReplaysError';
  }
}
