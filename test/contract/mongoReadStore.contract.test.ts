import { MongoReadStore } from '../../src/readstore/mongodb/mongoReadStore';
import { describeReadStoreContract } from './readStore.contract';
import { uniqueCollectionName } from './readStoreKit';

const url = process.env.MONGODB_URL;

if (url) {
  // A database of this run's own, dropped afterwards, so runs never see each other's data.
  const dbName = `orgtrack_contract_${uniqueCollectionName()}`;
  describeReadStoreContract('MongoReadStore', () => MongoReadStore.connect(url, dbName));
  afterAll(async () => {
    const store = await MongoReadStore.connect(url, dbName);
    await store.dropDatabase();
    await store.close();
  });
} else {
  console.log('MongoReadStore contract tests skipped: MONGODB_URL is not set');
  describe.skip('ReadStore contract: MongoReadStore (MONGODB_URL is not set)', () => {
    it.skip('runs against MongoDB when MONGODB_URL is set', () => undefined);
  });
}
