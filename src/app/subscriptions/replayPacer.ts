/**
 * Gives replays their turns on the event loop one at a time, first come first served, each in a
 * later iteration of the loop than the turn before: between two turns Node serves I/O (HTTP
 * requests, other sockets, the projector's commits), so replays share the process instead of
 * holding it. A replay takes a new turn after each `REPLAY_TURN_MS` of work, behind the others.
 */
export class ReplayPacer {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  private stopped = false;

  /** Resolves at the caller's turn (never, once stopped). */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return;
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // Scheduled from inside a setImmediate callback, the next one runs in the loop's next iteration, after its I/O.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      this.schedule();
    });
  }
}

/** How long a replay works in one turn before it lets the event loop (and the other replays) go on. */
export const REPLAY_TURN_MS = 10;
