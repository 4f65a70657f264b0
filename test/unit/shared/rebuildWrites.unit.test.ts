import { EVENT_INDEX, MEMBERS, MEMBER_TIMELINES, MEMBERSHIPS, UNITS } from '../../../projections';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { BulkOperation, BulkWriteOptions, BulkWriteResult, Collection, Document, ReadStore } from '../../../src/readstore/readStore';
import { registered } from '../support/eventLog';
import { project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

type Recorded = { collection: string; operations: number; ordered: boolean; handOver: boolean };

/** An embedded store that records every bulk write the projections send it. */
function recordingStore(): { store: ReadStore; writes: Recorded[] } {
  const inner = new EmbeddedReadStore();
  const writes: Recorded[] = [];
  const store: ReadStore = {
    collection<T extends Document = Document>(name: string): Collection<T> {
      const collection = inner.collection<T>(name);
      return Object.assign(Object.create(collection) as Collection<T>, {
        bulkWrite(operations: readonly BulkOperation<T>[], options: BulkWriteOptions = {}): Promise<BulkWriteResult> {
          writes.push({ collection: name, operations: operations.length, ordered: options.ordered !== false, handOver: options.handOver === true });
          return collection.bulkWrite(operations, options);
        },
      });
    },
    listCollections: () => inner.listCollections(),
    createScratch: () => inner.createScratch(),
    adopt: (scratch) => inner.adopt(scratch),
    close: () => inner.close(),
  };
  return { store, writes };
}

describe('the writes of a rebuild', () => {
  it('go in unordered bulk writes of every document a collection changes in the batch, handed over (so a MongoDB store sends batches of thousands)', async () => {
    const log = logWithTree();
    for (let n = 0; n < 1200; n++) log.record('2020-01-01', registered(`m${n}`, n % 2 === 0 ? 'B1' : 'B2', n % 2 === 0 ? 'G1' : 'G2'));
    const { store, writes } = recordingStore();
    await project(store, log.events);

    const of = (collection: string): Recorded[] => writes.filter((write) => write.collection === collection);
    for (const collection of [MEMBER_TIMELINES, MEMBERSHIPS, MEMBERS, EVENT_INDEX]) {
      expect(of(collection)).toEqual([{ collection, operations: collection === EVENT_INDEX ? 1209 : 1200, ordered: false, handOver: true }]);
    }
    // Units are written deepest first on purpose (a replay after a write stopped half way repeats a move): ordered.
    expect(of(UNITS)).toEqual([{ collection: UNITS, operations: 9, ordered: true, handOver: true }]);
    expect(writes.filter((write) => write.ordered && write.collection !== UNITS)).toEqual([]);
  });
});
