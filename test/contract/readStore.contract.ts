import type { Collection, Document, ReadStore } from '../../src/readstore/readStore';
import { describeAggregateContract } from './readStore.aggregate.contract';
import { describeFindContract } from './readStore.find.contract';
import { describeIndexContract } from './readStore.index.contract';
import { describeRebuildContract } from './readStore.rebuild.contract';
import { describeUpdateContract } from './readStore.update.contract';
import { describeWriteContract } from './readStore.write.contract';
import { uniqueCollectionName, type ReadStoreFixture } from './readStoreKit';

/**
 * The MongoDB semantics every ReadStore adapter must show for the calls projections and queries
 * make. One store is opened for the suite; every test uses collections of its own.
 */
export function describeReadStoreContract(name: string, open: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let current: ReadStore | undefined;
    beforeAll(async () => {
      current = await open();
    });
    afterAll(async () => {
      await current?.close();
      current = undefined;
    });
    const store = (): ReadStore => {
      if (current === undefined) throw new Error('no store open');
      return current;
    };
    const fixture: ReadStoreFixture = {
      store,
      collection: <T extends Document = Document>(): Collection<T> => store().collection<T>(uniqueCollectionName()),
    };

    describeFindContract(fixture);
    describeAggregateContract(fixture);
    describeUpdateContract(fixture);
    describeWriteContract(fixture);
    describeIndexContract(fixture);
    // Last: adopting drops every collection the scratch store lacks, the other tests' too.
    describeRebuildContract(fixture);
  });
}
