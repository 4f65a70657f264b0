import { allProjections } from '../projections';
import { Projector } from '../src/app/projector/projector';
import type { Position } from '../src/eventstore/eventStore';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import { now } from './stats';

export interface RebuiltReadModels {
  readStore: EmbeddedReadStore;
  /** Events in the log (domain and bookkeeping alike). */
  events: number;
  /** How long the projector took from start until it had caught up. */
  ms: number;
}

/** The whole log at `eventsPath` replayed by a Projector into a fresh EmbeddedReadStore. */
export async function rebuildReadModels(eventsPath: string): Promise<RebuiltReadModels> {
  const store = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  try {
    const readStore = new EmbeddedReadStore();
    const projector = new Projector(store, readStore, allProjections);
    const start = now();
    await projector.start();
    await projector.catchUp();
    const ms = now() - start;
    await projector.stop();
    return { readStore, events: await countEvents(store), ms };
  } finally {
    await store.close();
  }
}

async function countEvents(store: SqliteEventStore): Promise<number> {
  let events = 0;
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 20_000 });
    if (page.length === 0) return events;
    events += page.length;
    after = page[page.length - 1].position;
  }
}
