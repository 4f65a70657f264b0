import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore, ReadStoreHistory } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';
import type { QuerySet } from '../queries/querySet';
import { isDomainEvent } from '../recordedEvents';
import { ProjectionCheckpoints } from './projectionCheckpoints';
import { projectLog } from './projectLog';
import { RecordedTimeline, type RecordedSelection, type RecordedTimesPage } from './recordedTimeline';
import { RetractedEvents } from './retractedEvents';
import { TargetedCorrection } from './targetedCorrection';

const PAGE_SIZE = 20_000;
/** A fork's tail is about an epoch of events (1,000 by default): read in pages of that, not PAGE_SIZE, which would read far past it. */
const TAIL_PAGE_SIZE = 1_000;
/** How long a view pushed out of the cache stays open for the requests already reading it. */
const RETIRE_MS = 60_000;
/** Recorded times are small: read many at once. */
const TIMES_PAGE_SIZE = 100_000;

export interface KnownAtViewsOptions {
  /** How many recorded moments stay built; default 4. */
  capacity?: number;
  /** An empty ephemeral read store to build one in. */
  createStore: () => ReadStore;
  /** The query services over a built store. */
  queriesOver: (store: ReadStore) => QuerySet;
  /** The live read models' past, when they keep one: a view is then forked from it instead of replayed. */
  history?: ReadStoreHistory;
}

/**
 * What the records said at a recorded time: the read models folded from the log's events
 * recorded by then (retractions recorded by then included). When the live read models keep
 * their past, a view is a fork of them at the last history mark before the moment, and only the
 * events from the mark to the moment (at most one epoch) are applied to it; otherwise (or when
 * recorded times do not rise along the log) the events are replayed with the same projections
 * into an ephemeral read store. Moments that select the same events share one view; the last
 * few are kept.
 */
export class KnownAtViews {
  private readonly built = new Map<string, Promise<QuerySet>>();
  /** Views pushed out of the cache, each with the timer that closes it. */
  private readonly retiring = new Map<Promise<QuerySet>, NodeJS.Timeout>();
  private readonly timeline = new RecordedTimeline();
  private readonly capacity: number;
  private builds = 0;
  private forks = 0;

  constructor(
    private readonly events: EventStore,
    private readonly projections: readonly Projection[],
    private readonly live: QuerySet,
    private readonly options: KnownAtViewsOptions,
  ) {
    this.capacity = Math.max(1, options.capacity ?? 4);
  }

  /** How many views were built since start (a cache miss builds one). */
  get buildCount(): number {
    return this.builds;
  }

  /** How many of those were forks of the live read models' past rather than replays of the log. */
  get forkCount(): number {
    return this.forks;
  }

  /**
   * The read models as recorded at `knownAt` (ISO-8601). When every event recorded so far was
   * recorded by then, that is the live read models.
   */
  async at(knownAt: string): Promise<QuerySet> {
    await this.timeline.extend((after) => this.recordedTimesAfter(after));
    const selection = this.timeline.select(knownAt);
    if (selection.everything) return this.live;
    // A fork of a past the live read models have since forgotten (rebuilt) is not reused.
    const key = `${selection.count}@${selection.upTo ?? ''}#${this.options.history?.generation ?? ''}`;
    let view = this.built.get(key);
    if (view === undefined) {
      view = this.build(knownAt, selection);
      view.catch(() => this.built.delete(key));
      this.built.set(key, view);
      this.evictBeyondCapacity();
    } else {
      // Most recently used last.
      this.built.delete(key);
      this.built.set(key, view);
    }
    return view;
  }

  private async build(knownAt: string, selection: RecordedSelection): Promise<QuerySet> {
    this.builds++;
    const { upTo } = selection;
    const fork = selection.prefix && upTo !== undefined ? this.options.history?.forkAt(upTo) : undefined;
    if (fork !== undefined && upTo !== undefined) {
      // A fork not used (or failed) is closed: it holds its mark against thinning.
      const applied = await this.applyTail(fork.store, upTo).catch(async (error: unknown) => {
        await fork.store.close();
        throw error;
      });
      if (applied) {
        this.forks++;
        return this.options.queriesOver(fork.store);
      }
      await fork.store.close();
    }
    const store = this.options.createStore();
    for (const projection of this.projections) await projection.setup(store);
    if (upTo !== undefined) {
      const include = (event: RecordedEvent): boolean => event.metadata.recordedAt <= knownAt;
      const retracted = await RetractedEvents.inLog(this.events, { upTo, include });
      await projectLog(this.events, store, this.projections, retracted, { upTo, include, pageSize: PAGE_SIZE });
    }
    return this.options.queriesOver(store);
  }

  /**
   * Applies the events after a fork's checkpoints up to `upTo`, a retraction as a correction.
   * False (nothing applied) when the fork's projections stand at different checkpoints: one was
   * catching up alone, and cannot be corrected for what it never held; the view is replayed then.
   */
  private async applyTail(store: ReadStore, upTo: Position): Promise<boolean> {
    const checkpoints = await ProjectionCheckpoints.load(
      store,
      this.projections.map((projection) => projection.name),
    );
    if (checkpoints.lowest !== checkpoints.highest) return false;
    if (checkpoints.lowest !== undefined && checkpoints.lowest >= upTo) return true;
    const corrector = new TargetedCorrection(this.events, store, this.projections);
    await projectLog(this.events, store, this.projections, RetractedEvents.none(), {
      after: checkpoints.lowest,
      upTo,
      pageSize: TAIL_PAGE_SIZE,
      checkpointOf: (projection) => checkpoints.of(projection.name),
      correct: (retraction) => corrector.correct(retraction),
    });
    return true;
  }

  /** The next page of the log's recorded times: read alone when the store can, else with the events. */
  private async recordedTimesAfter(after: Position | undefined): Promise<RecordedTimesPage> {
    if (this.events.readRecordedTimes !== undefined) {
      const times = await this.events.readRecordedTimes({ after, maxCount: TIMES_PAGE_SIZE });
      const domain = times.filter(isDomainEvent);
      return { last: times[times.length - 1]?.position, domain };
    }
    const page = await this.events.readAll({ after, maxCount: PAGE_SIZE });
    const domain = page.filter(isDomainEvent).map((event) => ({ position: event.position, recordedAt: event.metadata.recordedAt }));
    return { last: page[page.length - 1]?.position, domain };
  }

  /** Drops every built view. */
  async close(): Promise<void> {
    const views = [...this.built.values(), ...this.retiring.keys()];
    this.built.clear();
    for (const timer of this.retiring.values()) clearTimeout(timer);
    this.retiring.clear();
    await Promise.allSettled(views.map(async (view) => (await view).readStore.close()));
  }

  private retireNow(view: Promise<QuerySet> | undefined): void {
    if (view === undefined) return;
    clearTimeout(this.retiring.get(view));
    this.retiring.delete(view);
    void view.then((built) => built.readStore.close()).catch(() => undefined);
  }

  /**
   * A view pushed out of the cache is closed a while later, not at once: a request that took it
   * just before may still be reading it (and a fork holds its mark of the past until closed). No
   * more than the cache's capacity wait so; beyond it the oldest is closed at once.
   */
  private evictBeyondCapacity(): void {
    while (this.built.size > this.capacity) {
      const oldest = this.built.keys().next().value;
      if (oldest === undefined) return;
      const evicted = this.built.get(oldest);
      this.built.delete(oldest);
      if (evicted === undefined) continue;
      const timer = setTimeout(() => this.retireNow(evicted), RETIRE_MS);
      timer.unref();
      this.retiring.set(evicted, timer);
      // At most as many waiting as are cached: a replayed view is a whole store.
      if (this.retiring.size > this.capacity) this.retireNow(this.retiring.keys().next().value);
    }
  }
}
