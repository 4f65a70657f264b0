import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';
import type { QuerySet } from '../queries/querySet';
import { isDomainEvent } from '../recordedEvents';
import { projectLog } from './projectLog';
import { RecordedTimeline } from './recordedTimeline';
import { RetractedEvents } from './retractedEvents';

const PAGE_SIZE = 20_000;

export interface KnownAtViewsOptions {
  /** How many recorded moments stay built; default 4. */
  capacity?: number;
  /** An empty ephemeral read store to build one in. */
  createStore: () => ReadStore;
  /** The query services over a built store. */
  queriesOver: (store: ReadStore) => QuerySet;
}

/**
 * What the records said at a recorded time: the log's events recorded by then (retractions
 * recorded by then included), replayed with the same projections into an ephemeral read
 * store. Moments that select the same events share one store; the last few are kept.
 */
export class KnownAtViews {
  private readonly built = new Map<string, Promise<QuerySet>>();
  private readonly timeline = new RecordedTimeline();
  private readonly capacity: number;
  private builds = 0;

  constructor(
    private readonly events: EventStore,
    private readonly projections: readonly Projection[],
    private readonly live: QuerySet,
    private readonly options: KnownAtViewsOptions,
  ) {
    this.capacity = Math.max(1, options.capacity ?? 4);
  }

  /** How many ephemeral stores were built since start (a cache miss builds one). */
  get buildCount(): number {
    return this.builds;
  }

  /**
   * The read models as recorded at `knownAt` (ISO-8601). When every event recorded so far was
   * recorded by then, that is the live read models.
   */
  async at(knownAt: string): Promise<QuerySet> {
    await this.timeline.extend((after) => this.events.readAll({ after, maxCount: PAGE_SIZE }).then((page) => ({ page, domain: page.filter(isDomainEvent) })));
    const selection = this.timeline.select(knownAt);
    if (selection.everything) return this.live;
    const key = `${selection.count}@${selection.upTo ?? ''}`;
    let view = this.built.get(key);
    if (view === undefined) {
      view = this.build(knownAt, selection.upTo);
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

  private async build(knownAt: string, upTo: Position | undefined): Promise<QuerySet> {
    this.builds++;
    const store = this.options.createStore();
    for (const projection of this.projections) await projection.setup(store);
    if (upTo !== undefined) {
      const include = (event: RecordedEvent): boolean => event.metadata.recordedAt <= knownAt;
      const retracted = await RetractedEvents.inLog(this.events, { upTo, include });
      await projectLog(this.events, store, this.projections, retracted, { upTo, include, pageSize: PAGE_SIZE });
    }
    return this.options.queriesOver(store);
  }

  /** Drops every built view. */
  async close(): Promise<void> {
    const views = [...this.built.values()];
    this.built.clear();
    await Promise.allSettled(views.map(async (view) => (await view).readStore.close()));
  }

  private evictBeyondCapacity(): void {
    while (this.built.size > this.capacity) {
      const oldest = this.built.keys().next().value;
      if (oldest === undefined) return;
      const evicted = this.built.get(oldest);
      this.built.delete(oldest);
      void evicted?.then((view) => view.readStore.close()).catch(() => undefined);
    }
  }
}
