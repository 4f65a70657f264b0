import { PlanIds } from './planIds';
import { runPlannedCommand, type RunOptions, type SeedTarget } from './runPlannedCommand';
import { aggregateOf, aggregatesReadBy, unitsReadBy, type PlannedCommand } from './seedPlan';
import { Semaphore } from './semaphore';

export interface ExecuteOptions extends Partial<RunOptions> {
  /** Commands in flight at once; default 64. The event store commits concurrent appends together. */
  concurrency?: number;
  /** Called after each command that succeeded, with how many have so far. */
  onProgress?: (done: number) => void;
}

export interface ExecutionReport {
  commands: number;
  /** Events the commands wrote. */
  events: number;
  /** The ids the commands chose for the plan's units, members and transfers. */
  ids: PlanIds;
}

/** A planned command the app refused or failed on; the seed stops at the first one. */
export class SeedCommandFailed extends Error {
  constructor(
    readonly command: PlannedCommand,
    cause: unknown,
  ) {
    super(`seed: ${command.kind} of ${aggregateOf(command)} on ${command.on} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SeedCommandFailed';
  }
}

/**
 * Runs a plan with up to `concurrency` commands in flight. Commands start in plan (date) order;
 * each first waits for the previous command on its own aggregate and for the establishment of
 * every unit it refers to, so one aggregate's commands run one at a time, in order, and ids exist
 * before they are used. Everything a command waits for comes earlier in the plan, so the window
 * always moves.
 */
export async function executePlan(app: SeedTarget, commands: readonly PlannedCommand[], options: ExecuteOptions = {}): Promise<ExecutionReport> {
  const run: RunOptions = { actor: options.actor ?? 'orgtrack-seed', withoutCodes: options.withoutCodes ?? false };
  const slots = new Semaphore(options.concurrency ?? 64);
  const ids = new PlanIds();
  const lastOfAggregate = new Map<string, Promise<void>>();
  const establishment = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let failure: SeedCommandFailed | undefined;
  let done = 0;
  let events = 0;

  for (const command of commands) {
    await slots.acquire();
    if (failure) {
      slots.release();
      break;
    }
    const aggregate = aggregateOf(command);
    const before = [
      lastOfAggregate.get(aggregate),
      ...aggregatesReadBy(command).map((other) => lastOfAggregate.get(other)),
      ...unitsReadBy(command).map((unit) => establishment.get(unit)),
    ];
    const task = (async () => {
      try {
        await Promise.all(before);
        const result = await runPlannedCommand(app, command, ids, run);
        events += result.eventIds.length;
        done++;
        options.onProgress?.(done);
      } catch (error) {
        // A command waiting on a failed one fails with the same error; the first failure is the one to report.
        failure ??= new SeedCommandFailed(command, error);
        throw error;
      } finally {
        slots.release();
      }
    })();
    lastOfAggregate.set(aggregate, task);
    if (command.kind === 'establishUnit') establishment.set(command.unit, task);
    inFlight.add(task);
    const settled = (): void => void inFlight.delete(task);
    task.then(settled, settled);
  }
  await Promise.allSettled([...inFlight]);
  if (failure) throw failure;
  return { commands: done, events, ids };
}
