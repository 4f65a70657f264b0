/** A log position a store's history can show the read models at, and the epoch that ends there. */
export interface HistoryMark {
  readonly epoch: number;
  readonly position: string;
}

/**
 * The epochs of an embedded store's history. The writes between two marks form one epoch; the
 * state at a mark is the state after every write of its epoch, and the log position the mark
 * names is what the read models held then. Every collection of the store records its past
 * versions against the current epoch.
 */
export class HistoryClock {
  private readonly held: HistoryMark[] = [];
  private current = 0;
  private generations = 0;

  /** The epoch writes belong to now. */
  get epoch(): number {
    return this.current;
  }

  /** Whether any state could be shown: writes before the first mark are no one's past. */
  get recording(): boolean {
    return this.held.length > 0;
  }

  /** Changes whenever the history is forgotten, so that forks made before know they are stale. */
  get generation(): number {
    return this.generations;
  }

  get marks(): readonly HistoryMark[] {
    return this.held;
  }

  /** Ends the current epoch: the store as it stands now is what the read models held at `position`. */
  mark(position: string): void {
    const last = this.held[this.held.length - 1];
    if (last !== undefined && position < last.position) throw new Error(`History marks must rise along the log: ${position} after ${last.position}`);
    this.held.push({ epoch: this.current, position });
    this.current++;
  }

  /** The latest mark at or before `position`. */
  markAtOrBefore(position: string): HistoryMark | undefined {
    let low = 0;
    let high = this.held.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.held[middle].position <= position) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? undefined : this.held[low - 1];
  }

  /** No earlier state can be shown any more (the collections were replaced or dropped). */
  forget(): void {
    this.held.length = 0;
    this.generations++;
  }

  /** Takes over another clock's marks (a rebuilt store's, whose collections this store adopts). */
  adopt(other: HistoryClock): void {
    this.held.splice(0, this.held.length, ...other.held);
    this.current = other.current;
    this.generations++;
  }
}
