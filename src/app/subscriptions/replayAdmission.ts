import type { SubscriptionLimits } from './subscriptionLimits';
import { TooManyReplaysError } from './subscriptionErrors';

/** A replay's place: waiting for a slot, then holding one until released. */
export interface ReplaySlot {
  /** Resolves once the replay may run; never, if released first. */
  readonly admitted: Promise<void>;
  /** Gives the slot back, or leaves the queue; idempotent. */
  release(): void;
}

interface Ticket {
  callerKey: string;
  state: 'waiting' | 'running' | 'released';
  admit: () => void;
}

interface CallerReplays {
  running: number;
  waiting: Ticket[];
}

export type AdmissionLimits = Pick<SubscriptionLimits, 'maxReplays' | 'maxReplaysPerCaller' | 'maxWaitingReplaysPerCaller'>;

/**
 * Caps the replays running at once, in the process and per caller. A replay beyond a cap waits
 * for a slot rather than being refused: it costs a promise while it waits (it listens to nothing
 * yet), and a client told to retry would come back with the same replay. A freed slot goes to
 * the waiting caller with the fewest replays running (the longest-waiting first among equals),
 * so one caller's backlog does not starve the others. A caller with `maxWaitingReplaysPerCaller`
 * replays waiting already is refused with `TooManyReplaysError`: the wait is bounded too.
 */
export class ReplayAdmission {
  private running = 0;
  private readonly callers = new Map<string, CallerReplays>();
  /** Callers with replays waiting, longest-waiting first. */
  private order: string[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  request(callerKey: string): ReplaySlot {
    const caller = this.callerOf(callerKey);
    let admit = (): void => undefined;
    const admitted = new Promise<void>((resolve) => {
      admit = resolve;
    });
    const ticket: Ticket = { callerKey, state: 'waiting', admit };
    if (caller.waiting.push(ticket) === 1) this.order.push(callerKey);
    this.admitWaiting();
    if (ticket.state === 'waiting' && caller.waiting.length > this.limits.maxWaitingReplaysPerCaller) {
      this.leave(ticket);
      throw new TooManyReplaysError(caller.running, caller.waiting.length);
    }
    return { admitted, release: () => this.release(ticket) };
  }

  /** Replays running and waiting, in the whole process. */
  get counts(): { running: number; waiting: number } {
    let waiting = 0;
    for (const caller of this.callers.values()) waiting += caller.waiting.length;
    return { running: this.running, waiting };
  }

  private release(ticket: Ticket): void {
    if (ticket.state === 'released') return;
    if (ticket.state === 'waiting') {
      this.leave(ticket);
      return;
    }
    ticket.state = 'released';
    const caller = this.callerOf(ticket.callerKey);
    caller.running--;
    this.running--;
    this.forgetIdle(ticket.callerKey, caller);
    this.admitWaiting();
  }

  private leave(ticket: Ticket): void {
    ticket.state = 'released';
    const caller = this.callerOf(ticket.callerKey);
    caller.waiting = caller.waiting.filter((waiting) => waiting !== ticket);
    if (caller.waiting.length === 0) this.order = this.order.filter((key) => key !== ticket.callerKey);
    this.forgetIdle(ticket.callerKey, caller);
  }

  private admitWaiting(): void {
    while (this.running < this.limits.maxReplays) {
      const key = this.nextCaller();
      if (key === undefined) return;
      const caller = this.callerOf(key);
      const ticket = caller.waiting.shift()!;
      this.order = this.order.filter((waiting) => waiting !== key);
      if (caller.waiting.length > 0) this.order.push(key);
      ticket.state = 'running';
      caller.running++;
      this.running++;
      ticket.admit();
    }
  }

  /** The waiting caller under its own cap with the fewest replays running; the longest-waiting among equals. */
  private nextCaller(): string | undefined {
    let best: { key: string; running: number } | undefined;
    for (const key of this.order) {
      const { running } = this.callerOf(key);
      if (running >= this.limits.maxReplaysPerCaller) continue;
      if (best === undefined || running < best.running) best = { key, running };
    }
    return best?.key;
  }

  private callerOf(key: string): CallerReplays {
    let caller = this.callers.get(key);
    if (caller === undefined) {
      caller = { running: 0, waiting: [] };
      this.callers.set(key, caller);
    }
    return caller;
  }

  private forgetIdle(key: string, caller: CallerReplays): void {
    if (caller.running === 0 && caller.waiting.length === 0) this.callers.delete(key);
  }
}
