import type { Position, RecordedTime } from '../../eventstore/eventStore';

/** Which domain events a recorded time selects: how many, and the last position among them. */
export interface RecordedSelection {
  count: number;
  upTo: Position | undefined;
  /** Every domain event recorded so far is selected. */
  everything: boolean;
  /** The selection is every domain event up to `upTo` (recorded times rise along the log). */
  prefix: boolean;
}

/** What one read of the log gave: the last position read (undefined: nothing), and the recorded times of the domain events among it. */
export type RecordedTimesPage = { last: Position | undefined; domain: readonly Pick<RecordedTime, 'position' | 'recordedAt'>[] };

/**
 * The recorded time of every domain event, in log order, kept in memory and extended from the
 * log as it grows. Recorded times normally rise along the log, so a moment selects a prefix
 * found by binary search; should a clock ever step back, the selection is counted instead.
 */
export class RecordedTimeline {
  private readonly recordedAt: string[] = [];
  private readonly positions: Position[] = [];
  private readPosition: Position | undefined;
  private rising = true;

  /** Reads the events appended since the last call. */
  async extend(readAfter: (after: Position | undefined) => Promise<RecordedTimesPage>): Promise<void> {
    for (;;) {
      const { last, domain } = await readAfter(this.readPosition);
      if (last === undefined) return;
      for (const event of domain) {
        const at = event.recordedAt;
        if (this.recordedAt.length > 0 && at < this.recordedAt[this.recordedAt.length - 1]) this.rising = false;
        this.recordedAt.push(at);
        this.positions.push(event.position);
      }
      this.readPosition = last;
    }
  }

  select(knownAt: string): RecordedSelection {
    const total = this.recordedAt.length;
    if (this.rising) {
      const count = this.countUpTo(knownAt);
      return { count, upTo: count === 0 ? undefined : this.positions[count - 1], everything: count === total, prefix: true };
    }
    let count = 0;
    let upTo: Position | undefined;
    for (let at = 0; at < total; at++) {
      if (this.recordedAt[at] > knownAt) continue;
      count++;
      upTo = this.positions[at];
    }
    return { count, upTo, everything: count === total, prefix: false };
  }

  /** How many recorded times are at or before `knownAt` (they rise along the log). */
  private countUpTo(knownAt: string): number {
    let low = 0;
    let high = this.recordedAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.recordedAt[middle] <= knownAt) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
