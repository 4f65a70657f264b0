import type { Logger } from 'pino';
import { today } from '../app/clock';
import { ConfigError, type Config } from '../app/config';
import { createApp, openEventStore } from '../app/orgtrackApp';
import { apiKeyAggregate } from '../domain/access/apiKey.aggregate';
import { DOMAIN_CATEGORIES } from '../domain/aggregates';
import type { EventStore } from '../eventstore/eventStore';
import { executePlan } from './seed/executePlan';
import { snapshotLog } from './snapshotLog';
import { planCounts } from './seed/planCounts';
import { lastMonthEnd } from './seed/planDates';
import { planSeed } from './seed/planSeed';
import { Random } from './seed/random';
import { recordCorrections } from './seed/corrections/recordCorrections';
import { DEFAULT_SIZES } from './seed/seedPlan';
import { startProgress } from './seed/seedProgress';

export interface SeedOptions {
  /** Random seed: the same number gives the same organization; default 1. */
  seed: number;
  /** Members registered over the years; default 6,000. */
  members: number;
  /** Years of history, ending on the last day of the previous month; default 6. */
  years: number;
  /** Seed even when the event store already holds events; default false. */
  force?: boolean;
}

/** Commands in flight at once: enough for the event store's group commit to pay off. */
const CONCURRENCY = 64;

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
  const eventStore = await openEventStore(config);
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
    const plan = planSeed({
      ...DEFAULT_SIZES,
      seed: options.seed,
      members: options.members,
      years: options.years,
      endDate: lastMonthEnd(today(app.clock)),
      transferExpiryDays: config.transferExpiryDays,
    });
    logger.info(
      { seed: options.seed, from: plan.startDate, to: plan.endDate, commands: plan.commands.length, eventStore: storeName(config), unitCodes: !storeHadEvents },
      'seeding a demo organization',
    );
    // Commands that read the read models wait for them only briefly; an existing log is projected first.
    if (storeHadEvents) await app.projector.catchUp();
    const started = process.hrtime.bigint();
    const progress = startProgress(plan.commands.length);
    const report = await executePlan(app, plan.commands, { concurrency: CONCURRENCY, withoutCodes: storeHadEvents, onProgress: progress.update }).finally(() =>
      progress.stop(),
    );
    const corrections = await recordCorrections(app, new Random(options.seed).fork('corrections'));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const eventsPerSecond = Math.round(report.events / seconds);
    logger.info(
      {
        units: plan.units,
        members: plan.members.length,
        transfers: plan.transfers,
        ...planCounts(plan.commands),
        commands: report.commands,
        events: report.events,
        corrections,
        seconds: Number(seconds.toFixed(1)),
        eventsPerSecond,
      },
      `seeded ${report.events} events in ${seconds.toFixed(1)} s (${eventsPerSecond} events/s)`,
    );
  } finally {
    await app.close();
  }
}

/** Names the store without its connection string, which may hold credentials. */
function storeName(config: Config): string {
  return config.eventStoreUrl ? 'at EVENTSTORE_URL' : `in ${config.dataDir} (ORGTRACK_DATA_DIR)`;
}
