import { MongoClient, type Db } from 'mongodb';
import type { Collection, Document, ReadStore } from '../readStore';
import { MongoCollection } from './mongoCollection';

/** The ReadStore on a MongoDB deployment through the official driver. */
export class MongoReadStore implements ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects to `url`; `dbName` defaults to the database named in the URL. */
  static async connect(url: string, dbName?: string): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    return new MongoReadStore(client, client.db(dbName));
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new MongoCollection<T>(this.db.collection<Document>(name));
  }

  async listCollections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections.map((collection) => collection.name);
  }

  /** Removes the whole database: for tests that used a database of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
