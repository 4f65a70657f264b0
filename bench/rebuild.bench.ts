import type { Position } from '../src/eventstore/eventStore';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import { rebuildReadModels } from './rebuildReadModels';
import { fmt, type Row } from './report';
import { now } from './stats';

/** Events per readAll page: the catch-up subscription's page size. */
const PAGE = 500;
const MIN_EVENTS_PER_SECOND = 100_000;
const MIN_RATIO = 0.5;

export interface RebuildResult {
  rows: Row[];
  /** The read models the (last) rebuild produced, for the HTTP figures. */
  readStore: EmbeddedReadStore;
  events: number;
}

/**
 * Figure 2: the whole log replayed by a Projector into a fresh EmbeddedReadStore, against a bare
 * loop paging through the same log with readAll (which JSON.parses each event's data).
 * Each is run twice and the faster run counts.
 */
export async function benchRebuild(eventsPath: string): Promise<RebuildResult> {
  const store = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  try {
    let bareMs = Infinity;
    let rebuildMs = Infinity;
    let events = 0;
    let readStore: EmbeddedReadStore | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const bare = await readWholeLog(store);
      events = bare.events;
      bareMs = Math.min(bareMs, bare.ms);
      readStore = undefined; // let the previous read models go before building new ones
      const rebuilt = await rebuildReadModels(eventsPath);
      rebuildMs = Math.min(rebuildMs, rebuilt.ms);
      readStore = rebuilt.readStore;
      if (rebuilt.ms > 20_000) break; // slow: one run says enough
    }
    const rebuildRate = (events * 1000) / rebuildMs;
    const bareRate = (events * 1000) / bareMs;
    const ratio = rebuildRate / bareRate;
    return {
      events,
      readStore: readStore!,
      rows: [
        {
          name: `2  projection rebuild (${fmt.int(events)} events)`,
          figure: fmt.rate(rebuildRate, 'ev/s'),
          baseline: `${fmt.rate(bareRate, 'ev/s')} (readAll loop)`,
          ratio: fmt.ratio(ratio),
          target: `ratio ≥ ${MIN_RATIO}×, ≥ ${fmt.int(MIN_EVENTS_PER_SECOND)} ev/s`,
          pass: ratio >= MIN_RATIO && rebuildRate >= MIN_EVENTS_PER_SECOND,
        },
      ],
    };
  } finally {
    await store.close();
  }
}

async function readWholeLog(store: SqliteEventStore): Promise<{ events: number; ms: number }> {
  const start = now();
  let after: Position | undefined;
  let events = 0;
  let fields = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) break;
    for (const event of page) fields += Object.keys(event.data).length;
    events += page.length;
    after = page[page.length - 1].position;
  }
  if (fields < 0) throw new Error('unreachable'); // keeps the parsed data observable
  return { events, ms: now() - start };
}
