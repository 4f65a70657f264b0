import type { PositionedEvent } from '../../../src/domain/events';
import type { Document, ReadStore } from '../../../src/readstore/readStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { allProjections } from '../../../projections';

/** A fresh embedded read store with every projection's indexes. */
export async function freshStore(): Promise<ReadStore> {
  const store = new EmbeddedReadStore();
  for (const projection of allProjections) await projection.setup(store);
  return store;
}

/** Applies `events` like the projector: in batches of `batchSize`, each projection in order. */
export async function project(store: ReadStore, events: readonly PositionedEvent[], batchSize = events.length): Promise<void> {
  for (let start = 0; start < events.length; start += Math.max(batchSize, 1)) {
    const batch = events.slice(start, start + Math.max(batchSize, 1));
    for (const projection of allProjections) await projection.apply(batch, store);
  }
}

/** Every document of every read model, by collection, sorted by id. */
export async function dump(store: ReadStore): Promise<Record<string, Document[]>> {
  const result: Record<string, Document[]> = {};
  for (const name of allProjections.flatMap((projection) => projection.collections)) {
    result[name] = await store.collection(name).find({}, { sort: { _id: 1 } });
  }
  return result;
}
