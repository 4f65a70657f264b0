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
  /** Marks kept are those of epochs that are multiples of 2^level (and the latest, and the pinned). */
  private level = 0;
  /** Epochs forks read at, with how many forks read each: never thinned away. */
  private readonly pins = new Map<number, number>();

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

  /**
   * Ends the current epoch: the store as it stands now is what the read models held at `position`.
   * Beyond `maxMarks` marks (pinned ones not counted), every other one is dropped, evenly over
   * the log, as often as needed (the latest and the pinned ones stay), so that the distance
   * between two is at most twice what it must be. True when marks were dropped: the versions
   * only they needed can go (`keptEpochs`).
   */
  mark(position: string, maxMarks = Infinity): boolean {
    const last = this.held[this.held.length - 1];
    if (last !== undefined && position < last.position) throw new Error(`History marks must rise along the log: ${position} after ${last.position}`);
    this.held.push({ epoch: this.current, position });
    this.current++;
    const beyond = (): boolean => this.held.filter((mark) => !this.pins.has(mark.epoch)).length > Math.max(maxMarks, 1);
    if (!beyond()) return false;
    // First the marks made since the last thinning that its spacing drops, then wider spacings.
    // Pinned marks do not count: a fork's mark stays until the fork is closed, without thinning the rest more.
    this.keepEvery(2 ** this.level);
    while (beyond() && 2 ** this.level <= this.current) {
      this.level++;
      this.keepEvery(2 ** this.level);
    }
    return true;
  }

  /** Keeps the marks of epochs that are multiples of `spacing`, the latest, and the pinned. */
  private keepEvery(spacing: number): void {
    const latest = this.held[this.held.length - 1];
    const kept = this.held.filter((mark) => mark.epoch % spacing === 0 || mark === latest || this.pins.has(mark.epoch));
    this.held.splice(0, this.held.length, ...kept);
  }

  /** The epochs of the marks held, rising: a past version is worth keeping while one of them falls in its epochs. */
  keptEpochs(): number[] {
    return this.held.map((mark) => mark.epoch);
  }

  /** A fork reads the store at `epoch`: its mark is not dropped until `unpin`. */
  pin(epoch: number): void {
    this.pins.set(epoch, (this.pins.get(epoch) ?? 0) + 1);
  }

  unpin(epoch: number): void {
    const count = this.pins.get(epoch) ?? 0;
    if (count <= 1) this.pins.delete(epoch);
    else this.pins.set(epoch, count - 1);
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
    this.level = 0;
    this.generations++;
  }

  /** Takes over another clock's marks (a rebuilt store's, whose collections this store adopts). */
  adopt(other: HistoryClock): void {
    this.held.splice(0, this.held.length, ...other.held);
    this.current = other.current;
    this.level = other.level;
    this.generations++;
  }
}
