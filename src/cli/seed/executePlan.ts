import { PlanIds } from './planIds';
import { runPlannedCommand, type RunOptions, type SeedTarget } from './runPlannedCommand';
import { aggregateOf, aggregatesReadBy, unitsReadBy, type PlannedCommand } from './seedPlan';
import { Semaphore } from './semaphore';

/**
 * Commands in flight at once by default. Each waits for the read models to include its events
 * before it is done, so the more run at once, the larger the batches the event store commits and
 * the projector applies together (64 took twice as long on the demo). Kept under the projector's
 * live batch (2,000 events): a commit larger than that is applied without a turn of the event loop,
 * and `UnitStreamFacts` may then answer a command from a read it shared before the commit (seen at
 * 4,096: an award refused on a branch's committee from before its move).
 */
export const DEFAULT_CONCURRENCY = 1024;

export interface ExecuteOptions extends Partial<RunOptions> {
  /** Commands in flight at once; default DEFAULT_CONCURRENCY. */
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
 * always moves. The plan is taken one command at a time (it may be produced as it goes), and
 * what the executor remembers of an aggregate is dropped once its last command so far is done.
 */
export async function executePlan(app: SeedTarget, commands: Iterable<PlannedCommand>, options: ExecuteOptions = {}): Promise<ExecutionReport> {
  const run: RunOptions = { actor: options.actor ?? 'orgtrack-seed', withoutCodes: options.withoutCodes ?? false };
  const slots = new Semaphore(options.concurrency ?? DEFAULT_CONCURRENCY);
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
    const unit = command.kind === 'establishUnit' ? command.unit : undefined;
    if (unit !== undefined) establishment.set(unit, task);
    inFlight.add(task);
    const settled = (): void => {
      inFlight.delete(task);
      // A failure stays, so that the commands after it fail with it; the seed stops anyway.
      if (failure !== undefined) return;
      if (lastOfAggregate.get(aggregate) === task) lastOfAggregate.delete(aggregate);
      if (unit !== undefined) establishment.delete(unit);
    };
    task.then(settled, settled);
  }
  await Promise.allSettled([...inFlight]);
  if (failure) throw failure;
  return { commands: done, events, ids };
}
