import type { Position } from '../../eventstore/eventStore';
import type { BulkOperation, ReadStore } from '../../readstore/readStore';

type Checkpoint = { _id: string; position: Position };

/** The collection of the checkpoints, beside the read models. */
export const CHECKPOINTS = 'checkpoints';
/** The one checkpoint of all read models, as stores written before projections kept their own hold it. */
const LEGACY_ID = 'projector';

/**
 * How far each projection has applied the log: one document per projection in `checkpoints`
 * (`_id` its name), so that a new or reset projection catches up alone. A store that holds only
 * the old single checkpoint (`projector`) is read as if every projection without one of its own
 * had it; `load` then writes theirs and deletes it, so a projection added later starts from the
 * beginning of the log, not from there.
 */
export class ProjectionCheckpoints {
  private constructor(private readonly positions: Map<string, Position | undefined>) {}

  /** Projections that have applied nothing yet (a fresh or scratch store). */
  static none(names: readonly string[]): ProjectionCheckpoints {
    return new ProjectionCheckpoints(new Map(names.map((name) => [name, undefined])));
  }

  static async load(store: ReadStore, names: readonly string[]): Promise<ProjectionCheckpoints> {
    const collection = store.collection<Checkpoint>(CHECKPOINTS);
    const stored = new Map((await collection.find({ _id: { $in: [...names, LEGACY_ID] } })).map((checkpoint) => [checkpoint._id, checkpoint.position]));
    const legacy = stored.get(LEGACY_ID);
    if (legacy !== undefined) {
      const writes: BulkOperation<Checkpoint>[] = names.filter((name) => !stored.has(name)).map((name) => replacement(name, legacy));
      // Last: should the write stop half way, the next start reads the old checkpoint again.
      writes.push({ deleteOne: { filter: { _id: LEGACY_ID } } });
      await collection.bulkWrite(writes);
    }
    return new ProjectionCheckpoints(new Map(names.map((name) => [name, stored.get(name) ?? legacy])));
  }

  /** The stored checkpoints, read only (an instance following another's projector writes nothing). */
  static async read(store: ReadStore, names: readonly string[]): Promise<ProjectionCheckpoints> {
    const stored = new Map(
      (await store.collection<Checkpoint>(CHECKPOINTS).find({ _id: { $in: [...names, LEGACY_ID] } })).map((checkpoint) => [
        checkpoint._id,
        checkpoint.position,
      ]),
    );
    const legacy = stored.get(LEGACY_ID);
    return new ProjectionCheckpoints(new Map(names.map((name) => [name, stored.get(name) ?? legacy])));
  }

  /** The last position the projection applied; undefined while it has applied nothing. */
  of(name: string): Position | undefined {
    return this.positions.get(name);
  }

  /** The position every read model includes: the lowest checkpoint; undefined while one has none. */
  get lowest(): Position | undefined {
    let lowest: Position | undefined;
    for (const position of this.positions.values()) {
      if (position === undefined) return undefined;
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest;
  }

  /** The furthest checkpoint; undefined while no projection has applied anything. */
  get highest(): Position | undefined {
    return this.applied().reduce<Position | undefined>((highest, position) => (highest === undefined || position > highest ? position : highest), undefined);
  }

  /** The checkpoints of the projections that have applied something. */
  applied(): Position[] {
    return [...this.positions.values()].filter((position) => position !== undefined);
  }

  /** Moves the checkpoint of every projection behind `position` to it (they applied a batch ending there), in one bulk write. */
  async advance(store: ReadStore, position: Position): Promise<void> {
    const behind = [...this.positions].filter(([, checkpoint]) => checkpoint === undefined || checkpoint < position).map(([name]) => name);
    if (behind.length === 0) return;
    await store.collection<Checkpoint>(CHECKPOINTS).bulkWrite(behind.map((name) => this.moveForward(name, position)));
    for (const name of behind) this.positions.set(name, position);
  }

  /**
   * A stored checkpoint only moves forward: another writer's (a projector deposed or racing the
   * lease) that stands further on is left as it is. One the store does not hold yet is written.
   */
  private moveForward(name: string, position: Position): BulkOperation<Checkpoint> {
    if (this.positions.get(name) === undefined) return replacement(name, position);
    return { updateOne: { filter: { _id: name, position: { $lt: position } }, update: { $set: { position } } } };
  }

  /** Forgets the checkpoints of these projections: they apply the log from its beginning again. */
  async reset(store: ReadStore, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await store.collection<Checkpoint>(CHECKPOINTS).bulkWrite(names.map((name) => ({ deleteOne: { filter: { _id: name } } })));
    for (const name of names) this.positions.set(name, undefined);
  }
}

function replacement(name: string, position: Position): BulkOperation<Checkpoint> {
  return { replaceOne: { filter: { _id: name }, replacement: { _id: name, position }, upsert: true } };
}
