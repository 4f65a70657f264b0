import fs from 'node:fs';
import path from 'node:path';
import type { EventStore } from '../eventstore/eventStore';
import { EventStoreDbEventStore } from '../eventstore/eventstoredb/eventStoreDbEventStore';
import { SqliteEventStore } from '../eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../readstore/embedded/embeddedReadStore';
import { MongoReadStore } from '../readstore/mongodb/mongoReadStore';
import { GatedReadStore, ReadGate } from '../readstore/gatedReadStore';
import type { ReadStore } from '../readstore/readStore';
import { EVENT_INDEX, allProjections, type EventIndexDocument } from '../../projections';
import { systemClock, type Clock } from './clock';
import { CommandHandler } from './commands/commandHandler';
import { CommandPaths } from './commands/commandPath';
import { IdempotencyKeys } from './commands/idempotency';
import { MutationRunner } from './commands/mutationRunner';
import { ReadModelCatchUp } from './commands/readModelCatchUp';
import type { Config } from './config';
import { appFeatures, type FeatureCommands } from './features';
import { MemberStreamFacts } from './members/memberStreamFacts';
import { KnownAtViews } from './projector/knownAtViews';
import { Projector, type ProjectorOptions } from './projector/projector';
import { createQuerySet, type QuerySet } from './queries/querySet';
import { SubscriptionHub } from './subscriptions/subscriptionHub';
import { UnitStreamFacts } from './units/unitStreamFacts';

/**
 * The wired application: its query services (`QuerySet`) answer from the live read models, and
 * every feature's command services (`FeatureCommands`: `units`, `members`, …) record events.
 */
export interface OrgtrackApp extends QuerySet, FeatureCommands {
  clock: Clock;
  eventStore: EventStore;
  /** The live read models; the history views build copies of them for `knownAt`. */
  readStore: ReadStore;
  projector: Projector;
  hub: SubscriptionHub;
  /** The read models as recorded at an earlier moment (`knownAt`), replayed on demand. */
  knownAt: KnownAtViews;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** Use these stores instead of the configured ones (tests, benchmarks). */
  eventStore?: EventStore;
  readStore?: ReadStore;
  projector?: Omit<ProjectorOptions, 'onError'>;
  onProjectionError?: (error: unknown) => void;
}

export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStoreUrl) return EventStoreDbEventStore.connect(config.eventStoreUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({ path: path.join(config.dataDir, 'events.sqlite'), synchronous: config.sqliteSynchronous });
}

export async function openReadStore(config: Config): Promise<ReadStore> {
  return config.mongoUrl ? MongoReadStore.connect(config.mongoUrl) : new EmbeddedReadStore();
}

/** The composition root: builds every part once and starts the projector. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<OrgtrackApp> {
  const clock = options.clock ?? systemClock(config.timeZone);
  const eventStore = options.eventStore ?? (await openEventStore(config));
  const readStore = options.readStore ?? (await openReadStore(config));
  const readGate = new ReadGate();
  const projector = new Projector(eventStore, readStore, allProjections, { ...options.projector, onError: options.onProjectionError, readGate });
  // Readers see the read models between corrections only (the projector writes to them directly).
  const reading = new GatedReadStore(readStore, readGate);
  await projector.start();
  const hub = new SubscriptionHub(reading.collection<EventIndexDocument>(EVENT_INDEX), projector, config.subscriptions);

  const queries = createQuerySet(reading, config.duesPolicy);
  const knownAt = new KnownAtViews(eventStore, allProjections, queries, {
    capacity: config.knownAtCacheSize,
    createStore: () => new EmbeddedReadStore(),
    queriesOver: (store) => createQuerySet(store, config.duesPolicy),
  });
  const commands = appFeatures.commands(
    {
      config,
      clock,
      eventStore,
      readStore: reading,
      projector,
      runner: new MutationRunner(new IdempotencyKeys(eventStore, clock), projector, clock),
      commandPaths: new CommandPaths(new CommandHandler(eventStore, clock)),
      readModels: new ReadModelCatchUp(projector),
      unitStreamFacts: new UnitStreamFacts(eventStore),
      memberStreamFacts: new MemberStreamFacts(eventStore),
    },
    queries,
  );

  return {
    ...queries,
    ...commands,
    clock,
    eventStore,
    projector,
    hub,
    knownAt,
    async close() {
      commands.transferExpiry.stop();
      await commands.attendanceFlagWatcher.stop();
      hub.close();
      await projector.stop();
      await knownAt.close();
      await eventStore.close();
      await readStore.close();
    },
  };
}
