import type { Position } from '../../eventstore/eventStore';

type Waiter = { position: Position; resolve: () => void; reject: (error: unknown) => void; timer: NodeJS.Timeout };

/** Callers waiting for the projector to reach a position. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  get count(): number {
    return this.waiters.length;
  }

  wait(position: Position, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ProjectionLagError(position, timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = { position, resolve, reject, timer };
      this.waiters.push(waiter);
    });
  }

  reached(position: Position): void {
    if (this.waiters.length === 0) return;
    const [done, waiting] = partition(this.waiters, (w) => w.position <= position);
    this.waiters = waiting;
    for (const waiter of done) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  failAll(error: unknown): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}

export class ProjectionLagError extends Error {
  constructor(
    readonly position: Position,
    readonly timeoutMs: number,
  ) {
    super(`The read models did not reach position ${position} within ${timeoutMs} ms`);
    this.name = 'ProjectionLagError';
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
