import { randomUUID } from 'node:crypto';
import os from 'node:os';
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
import { DOMAIN_CATEGORIES } from '../domain/aggregates';
import { systemClock, type Clock } from './clock';
import { Gates } from './commands/gates';
import { ProjectorLease } from './projector/projectorLease';
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
import { ReadModelSnapshots } from './snapshots/readModelSnapshots';
import { restoreReadModels } from './snapshots/restoreReadModels';
import { SNAPSHOT_FILE_NAME, type SnapshotPolicy } from './snapshots/snapshotPolicy';
import type { SnapshotReporter } from './snapshots/snapshotReporter';
import { SubscriptionHub } from './subscriptions/subscriptionHub';
import { UnitStreamFacts } from './units/unitStreamFacts';

/**
 * The wired application: its query services (`QuerySet`) answer from the live read models, and
 * every feature's command services (`FeatureCommands`: `units`, `members`, …) record events.
 */
export interface OrgtrackApp extends QuerySet, FeatureCommands {
  clock: Clock;
  eventStore: EventStore;
  /** The live read models as readers see them (held back while a correction runs); the history views build copies of them for `knownAt`. */
  readStore: ReadStore;
  /** The live read models as the projector writes them, never held back: for comparing or copying them whole. */
  readModels: ReadStore;
  projector: Projector;
  hub: SubscriptionHub;
  /** The read models as recorded at an earlier moment (`knownAt`), replayed on demand. */
  knownAt: KnownAtViews;
  /** The embedded read models' snapshot in the data folder, when it is kept (`AppOptions.snapshots`); undefined otherwise. */
  snapshots: ReadModelSnapshots | undefined;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** Use these stores instead of the configured ones (tests, benchmarks). */
  eventStore?: EventStore;
  readStore?: ReadStore;
  projector?: Omit<ProjectorOptions, 'onError'>;
  onProjectionError?: (error: unknown) => void;
  /**
   * Restore the embedded read models from the data folder's snapshot at start, and keep it up to
   * date (`orgtrack serve`, `seed`). Applies only when the app opens the embedded read store
   * itself (no `readStore` given, no MONGODB_URL) and ORGTRACK_SNAPSHOT is not false.
   */
  snapshots?: { reporter?: SnapshotReporter; /** Instead of the configured one (ORGTRACK_SNAPSHOT_EVENTS, _SECONDS). */ policy?: SnapshotPolicy };
}

/** Where the embedded read models' snapshot is kept, when it is: in the data folder, beside the SQLite log. */
export function snapshotFile(config: Config): string {
  return path.join(config.dataDir, SNAPSHOT_FILE_NAME);
}

export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStoreUrl) return EventStoreDbEventStore.connect(config.eventStoreUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({ path: path.join(config.dataDir, 'events.sqlite'), synchronous: config.sqliteSynchronous });
}

export async function openReadStore(config: Config): Promise<ReadStore> {
  return config.mongoUrl ? MongoReadStore.connect(config.mongoUrl) : new EmbeddedReadStore();
}

export const LEASE_TTL_MS = 10_000;

/** Unique per process: the host, the process id and a random part. */
export function leaseHolder(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The composition root: builds every part once and starts the projector. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<OrgtrackApp> {
  const clock = options.clock ?? systemClock(config.timeZone);
  const eventStore = options.eventStore ?? (await openEventStore(config));
  const snapshotting = options.snapshots !== undefined && options.readStore === undefined && !config.mongoUrl && config.snapshots.enabled;
  const restored = snapshotting ? await restoreReadModels(snapshotFile(config), eventStore, allProjections) : undefined;
  if (restored !== undefined && !restored.outcome.restored && eventStore instanceof SqliteEventStore) {
    restored.outcome.eventsToApply = eventStore.countEvents(DOMAIN_CATEGORIES);
  }
  if (restored !== undefined) options.snapshots?.reporter?.restored?.(restored.outcome);
  const readStore = options.readStore ?? restored?.store ?? (await openReadStore(config));
  const readGate = new ReadGate();
  // A MongoDB read store may be shared by several instances: one projector writes it at a time.
  const lease = config.mongoUrl && options.readStore === undefined ? new ProjectorLease(readStore, { holder: leaseHolder(), ttlMs: LEASE_TTL_MS }) : undefined;
  const projector = new Projector(eventStore, readStore, allProjections, {
    lease,
    historyEpochEvents: config.historyEpochEvents,
    historyMaxMarks: config.historyMaxMarks,
    ...options.projector,
    onError: options.onProjectionError,
    readGate,
  });
  // Readers see the read models between corrections only (the projector writes to them directly).
  const reading = new GatedReadStore(readStore, readGate);
  await projector.start();
  const snapshots =
    restored === undefined
      ? undefined
      : new ReadModelSnapshots({
          file: snapshotFile(config),
          store: restored.store,
          events: eventStore,
          projector,
          projections: allProjections,
          policy: options.snapshots?.policy ?? config.snapshots,
          reporter: options.snapshots?.reporter,
          restored: restored.outcome,
        });
  snapshots?.start();
  const hub = new SubscriptionHub(reading.collection<EventIndexDocument>(EVENT_INDEX), projector, config.subscriptions);

  const queries = createQuerySet(reading, config.duesPolicy);
  const knownAt = new KnownAtViews(eventStore, allProjections, queries, {
    capacity: config.knownAtCacheSize,
    createStore: () => new EmbeddedReadStore({ history: false }),
    queriesOver: (store) => createQuerySet(store, config.duesPolicy),
    history: readStore.history,
  });
  const commands = appFeatures.commands(
    {
      config,
      clock,
      eventStore,
      readStore: reading,
      projector,
      runner: new MutationRunner(new IdempotencyKeys(eventStore, clock), projector, clock),
      commandPaths: new CommandPaths(new CommandHandler(eventStore, clock, new Gates(eventStore, clock, () => projector.catchUp(30_000)))),
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
    readModels: readStore,
    projector,
    hub,
    knownAt,
    snapshots,
    async close() {
      commands.transferExpiry.stop();
      await commands.attendanceFlagWatcher.stop();
      hub.close();
      await projector.stop();
      // After the projector: the last save holds every batch applied.
      await snapshots?.stop();
      await knownAt.close();
      await eventStore.close();
      await readStore.close();
    },
  };
}
