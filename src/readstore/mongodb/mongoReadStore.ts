import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type Collection as DriverCollection } from 'mongodb';
import { DuplicateKeyError, isBookkeeping, type Collection, type Document, type ReadStore } from '../readStore';
import { MongoCollection } from './mongoCollection';
import { translated } from './mongoErrors';

/** Bookkeeping collection holding the pointer to the generation of read models in use. */
export const GENERATION_POINTER = '_generation';
const POINTER_ID = 'current';
/** How stale an instance's idea of the current generation may be: it re-reads the pointer this often. */
const POINTER_REFRESH_MS = 1_000;
/** How long a replaced generation is kept for the instances still reading it before they re-read the pointer. */
const RETIRED_GENERATION_GRACE_MS = 30_000;

type PointerDocument = { _id: typeof POINTER_ID; generation: string; switchedAt: Date };

/** Another rebuild switched the pointer first: this one's generation was not adopted. */
export class GenerationSwitchConflict extends Error {
  constructor(expected: string, found: string | undefined) {
    super(`The read models' generation pointer moved from ${expected || '(none)'} to ${found ?? '(none)'} during this rebuild: its generation is not adopted`);
    this.name = 'GenerationSwitchConflict';
  }
}

/**
 * The ReadStore on a MongoDB deployment through the official driver: reads from the primary,
 * writes acknowledged by a majority. The read models live in generations of collections in
 * one database: collection `units` of generation `g1x2y` is the MongoDB collection `g1x2y.units`
 * (the first generation, before any rebuild, has the bare names). The bookkeeping document
 * `_generation` names the generation in use; a rebuild fills a new generation and switches the
 * pointer with one conditional update, so every instance sees either the old read models whole
 * (checkpoints included) or the new ones whole, and a crash at any moment leaves one of them in
 * use. Bookkeeping collections (a leading `_`) are outside the generations.
 */
export class MongoReadStore implements ReadStore {
  private refresher: NodeJS.Timeout | undefined;
  /** Counts this store's own switches: a pointer read begun before one must not undo it. */
  private switches = 0;
  private readonly retiring = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** The generation in use (`''`: the bare names); a scratch store's is its own and never moves. */
    private generation: string,
    /** A scratch store shares its parent's client and leaves it open. */
    private readonly ownsClient: boolean,
  ) {}

  /** Connects to `url`; `dbName` defaults to the database named in the URL. */
  static async connect(url: string, dbName?: string): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url, { readPreference: 'primary', readConcern: { level: 'majority' }, writeConcern: { w: 'majority' } });
    const db = client.db(dbName);
    const store = new MongoReadStore(client, db, (await pointerOf(db))?.generation ?? '', true);
    store.refresher = setInterval(() => void store.refreshGeneration().catch(() => undefined), POINTER_REFRESH_MS);
    store.refresher.unref();
    return store;
  }

  /** The generation of read models this store reads and writes (`''` before the first rebuild). */
  get currentGeneration(): string {
    return this.generation;
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new MongoCollection<T>(name, () => this.driverCollection(name));
  }

  async listCollections(): Promise<string[]> {
    const names = await this.physicalNames();
    return names.flatMap((physical) => {
      const parsed = parse(physical);
      return parsed.generation === this.generation || parsed.generation === undefined ? [parsed.name] : [];
    });
  }

  /**
   * An empty generation of this store's own (named by time and a random part, so two instances
   * never share one), to rebuild the read models in while the current generation keeps answering.
   * Generations neither in use nor this one are leftovers of rebuilds that never switched (or
   * retired ones): they are dropped first.
   */
  async createScratch(): Promise<ReadStore> {
    await this.refreshGeneration();
    const generation = newGenerationName();
    await this.dropGenerations((found) => found !== this.generation);
    return new MongoReadStore(this.client, this.db, generation, false);
  }

  /**
   * Switches the pointer to the scratch store's generation, if it still names the generation
   * this store was using (else `GenerationSwitchConflict`, and nothing changes). The old
   * generation is dropped after a grace period, or by the next rebuild.
   */
  async adopt(scratch: ReadStore): Promise<void> {
    if (!(scratch instanceof MongoReadStore) || scratch.db.databaseName !== this.db.databaseName) {
      throw new TypeError('A MongoDB read store adopts only a scratch store of its own database');
    }
    const from = this.generation;
    const pointers = this.db.collection<PointerDocument>(GENERATION_POINTER);
    const pointer: PointerDocument = { _id: POINTER_ID, generation: scratch.generation, switchedAt: new Date() };
    if (from === '') {
      try {
        await translated(GENERATION_POINTER, () => pointers.insertOne(pointer));
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw new GenerationSwitchConflict(from, (await pointerOf(this.db))?.generation);
        throw error;
      }
    } else {
      const switched = await pointers.updateOne(
        { _id: POINTER_ID, generation: from },
        { $set: { generation: scratch.generation, switchedAt: pointer.switchedAt } },
      );
      if (switched.matchedCount !== 1) throw new GenerationSwitchConflict(from, (await pointerOf(this.db))?.generation);
    }
    this.generation = scratch.generation;
    this.switches++;
    // Left empty, as the port says: the scratch store now names a generation nobody fills.
    scratch.generation = newGenerationName();
    const retire = setTimeout(() => {
      this.retiring.delete(retire);
      void this.dropGenerations((found) => found === from).catch(() => undefined);
    }, RETIRED_GENERATION_GRACE_MS);
    retire.unref();
    this.retiring.add(retire);
  }

  /** Removes the whole database: for tests that used a database of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    clearInterval(this.refresher);
    for (const timer of this.retiring) clearTimeout(timer);
    if (this.ownsClient) await this.client.close();
  }

  private driverCollection(name: string): DriverCollection<Document> {
    return this.db.collection<Document>(isBookkeeping(name) || this.generation === '' ? name : `${this.generation}.${name}`);
  }

  /** Follows the pointer: another instance's rebuild may have switched it. A scratch store's generation is fixed. */
  private async refreshGeneration(): Promise<void> {
    if (!this.ownsClient) return;
    const switches = this.switches;
    const pointer = await pointerOf(this.db);
    if (pointer !== undefined && switches === this.switches) this.generation = pointer.generation;
  }

  private async physicalNames(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections.map((collection) => collection.name).filter((name) => !name.startsWith('system.'));
  }

  private async dropGenerations(chosen: (generation: string) => boolean): Promise<void> {
    for (const physical of await this.physicalNames()) {
      const { generation } = parse(physical);
      if (generation !== undefined && chosen(generation)) await this.db.dropCollection(physical);
    }
  }
}

/** Named by time and a random part: two instances never make the same one. */
function newGenerationName(): string {
  return `g${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

async function pointerOf(db: Db): Promise<PointerDocument | undefined> {
  return (await db.collection<PointerDocument>(GENERATION_POINTER).findOne({ _id: POINTER_ID })) ?? undefined;
}

/** A MongoDB collection's generation (`''`: a bare name; undefined: bookkeeping) and read-model name. */
function parse(physical: string): { generation: string | undefined; name: string } {
  if (isBookkeeping(physical)) return { generation: undefined, name: physical };
  const dot = physical.indexOf('.');
  return dot < 0 ? { generation: '', name: physical } : { generation: physical.slice(0, dot), name: physical.slice(dot + 1) };
}
