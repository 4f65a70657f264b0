import type { Logger } from 'pino';
import { today } from '../app/clock';
import { ConfigError, type Config } from '../app/config';
import { createApp, openEventStore } from '../app/orgtrackApp';
import { apiKeyAggregate } from '../domain/access/apiKey.aggregate';
import { DOMAIN_CATEGORIES } from '../domain/aggregates';
import type { EventStore } from '../eventstore/eventStore';
import { CachedStreams } from './seed/cachedStreams';
import { executePlan } from './seed/executePlan';
import { snapshotLog } from './snapshotLog';
import { planCounts } from './seed/planCounts';
import { lastMonthEnd } from './seed/planDates';
import { planSeed } from './seed/planSeed';
import { Random } from './seed/random';
import { recordCorrections } from './seed/corrections/recordCorrections';
import { DEFAULT_SIZES, scaleSizes, type PlannedCommand, type PlanSizes } from './seed/seedPlan';
import { startProgress } from './seed/seedProgress';

export interface SeedOptions {
  /** Random seed: the same number gives the same organization; default 1. */
  seed: number;
  /**
   * How many times the demo organization: its committees, branches, groups and members (and so
   * its meetings, scores, dues, elections and awards); default 1, about 30,000 events.
   */
  scale?: number;
  /** Members registered over the years; default 6,000 per unit of scale. */
  members?: number;
  /** Years of history, ending on the last day of the previous month; default 6. */
  years: number;
  /** Seed even when the event store already holds events; default false. */
  force?: boolean;
}

/** The organization's sizes for these options: the demo's, times the scale. */
export function seedSizes(options: Pick<SeedOptions, 'scale' | 'members' | 'years'>): PlanSizes {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new ConfigError(`seed: --scale must be a whole number of at least 1, got ${scale}`);
  const sizes = scaleSizes({ ...DEFAULT_SIZES, years: options.years }, scale);
  return options.members === undefined ? sizes : { ...sizes, members: options.members };
}

/** Whether the log records any of an organization: the first start's key alone does not count. */
async function holdsOrganizationEvents(eventStore: EventStore): Promise<boolean> {
  const categories = DOMAIN_CATEGORIES.filter((category) => category !== apiKeyAggregate.category);
  return (await eventStore.readAll({ maxCount: 1, filter: { categories } })).length > 0;
}

/** The store already holds events and `--force` was not given. */
export class SeedRefused extends ConfigError {}

/**
 * `orgtrack seed`: plans a demo organization with years of history and records it through the
 * command layer, so every rule is checked. Safe next to a running `orgtrack serve`: both use the
 * same SQLite log, and the server picks up the seed's commits by polling.
 */
export async function seed(config: Config, logger: Logger, options: SeedOptions): Promise<void> {
  const sizes = seedSizes(options);
  const eventStore = new CachedStreams(await openEventStore(config));
  const storeHadEvents = await holdsOrganizationEvents(eventStore);
  if (storeHadEvents && !options.force) {
    await eventStore.close();
    throw new SeedRefused(
      `the event store ${storeName(config)} already holds events; run seed with --force to add another organization to it, or set ORGTRACK_DATA_DIR to an empty folder`,
    );
  }
  // The seed's read models are saved as the data folder's snapshot once it is done (not while it
  // runs: a seed cut short is seeded again): the next start restores them.
  const app = await createApp(config, { eventStore, snapshots: { reporter: snapshotLog(logger), policy: { everyEvents: 0, everySeconds: 0 } } });
  try {
    const planned = process.hrtime.bigint();
    const plan = planSeed({ ...sizes, seed: options.seed, endDate: lastMonthEnd(today(app.clock)), transferExpiryDays: config.transferExpiryDays });
    const total = plan.commands.length;
    const counts = planCounts(plan.commands);
    logger.info(
      {
        seed: options.seed,
        ...sizes,
        from: plan.startDate,
        to: plan.endDate,
        commands: total,
        planSeconds: secondsSince(planned),
        eventStore: storeName(config),
        unitCodes: !storeHadEvents,
      },
      'seeding a demo organization',
    );
    // Commands that read the read models wait for them only briefly; an existing log is projected first.
    if (storeHadEvents) await app.projector.catchUp();
    const started = process.hrtime.bigint();
    const progress = startProgress(total);
    const report = await executePlan(app, handedOut(plan.commands), { withoutCodes: storeHadEvents, onProgress: progress.update }).finally(() =>
      progress.stop(),
    );
    const corrections = await recordCorrections(app, new Random(options.seed).fork('corrections'));
    const seconds = secondsSince(started);
    const eventsPerSecond = Math.round(report.events / seconds);
    logger.info(
      {
        units: plan.units,
        members: plan.members.length,
        transfers: plan.transfers,
        ...counts,
        commands: report.commands,
        events: report.events,
        corrections,
        seconds: Number(seconds.toFixed(1)),
        eventsPerSecond,
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      `seeded ${report.events} events in ${seconds.toFixed(1)} s (${eventsPerSecond} events/s)`,
    );
  } finally {
    await app.close();
  }
}

/**
 * The plan's commands one at a time, each let go of once handed to the executor: the plan shrinks
 * while the read models grow, so the seed never holds both whole.
 */
function* handedOut(commands: readonly PlannedCommand[]): Generator<PlannedCommand> {
  const held = commands as (PlannedCommand | undefined)[];
  for (let index = 0; index < held.length; index++) {
    const command = held[index];
    held[index] = undefined;
    if (command !== undefined) yield command;
  }
}

function secondsSince(start: bigint): number {
  return Number((Number(process.hrtime.bigint() - start) / 1e9).toFixed(1));
}

/** Names the store without its connection string, which may hold credentials. */
function storeName(config: Config): string {
  return config.eventStoreUrl ? 'at EVENTSTORE_URL' : `in ${config.dataDir} (ORGTRACK_DATA_DIR)`;
}
