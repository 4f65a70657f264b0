import { MongoClient, type Db } from 'mongodb';
import type { Collection, Document, ReadStore } from '../readStore';
import { MongoCollection } from './mongoCollection';

const SCRATCH_SUFFIX = '_scratch';

/** The ReadStore on a MongoDB deployment through the official driver. */
export class MongoReadStore implements ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** A scratch store shares its parent's client and leaves it open. */
    private readonly ownsClient = true,
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

  /** A database named `<this database>_scratch`, emptied first. */
  async createScratch(): Promise<ReadStore> {
    const scratch = new MongoReadStore(this.client, this.client.db(`${this.db.databaseName}${SCRATCH_SUFFIX}`), false);
    await scratch.dropDatabase();
    return scratch;
  }

  /**
   * Moves each scratch collection over this database's one of the same name (`renameCollection`
   * with `dropTarget`: one collection at a time, each move atomic), then drops the rest.
   */
  async adopt(scratch: ReadStore): Promise<void> {
    if (!(scratch instanceof MongoReadStore)) throw new TypeError('A MongoDB read store adopts only another MongoDB read store');
    const moved = await scratch.listCollections();
    const admin = this.client.db('admin');
    for (const name of moved) {
      await admin.command({ renameCollection: `${scratch.db.databaseName}.${name}`, to: `${this.db.databaseName}.${name}`, dropTarget: true });
    }
    for (const name of await this.listCollections()) if (!moved.includes(name)) await this.db.dropCollection(name);
  }

  /** Removes the whole database: for tests that used a database of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}
