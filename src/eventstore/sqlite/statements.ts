import type { Database, Statement } from 'better-sqlite3';
import type { Direction, EventFilter, EventMetadata, JsonObject, RecordedEvent } from '../eventStore';
import { encodePosition } from '../position';

export interface EventRow {
  seq: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

export interface NewEventRow {
  id: string;
  stream: string;
  revision: number;
  category: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

export interface StoredEventRef {
  seq: number;
  stream: string;
  revision: number;
}

export interface RecordedTimeRow {
  seq: number;
  stream: string;
  recordedAt: string | null;
}

interface ReadAllParams {
  from: number;
  limit: number;
  categories: string;
  types: string;
}

const COLUMNS = 'seq, id, stream, revision, type, data, metadata, created';
/** SQLite reads LIMIT -1 as "no limit". */
export const NO_LIMIT = -1;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    stream: row.stream,
    revision: row.revision,
    position: encodePosition(BigInt(row.seq)),
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    created: row.created,
  };
}

/** Every statement the store runs, prepared once when the store opens. */
export class Statements {
  readonly insert: Statement<[NewEventRow]>;
  readonly eventById: Statement<[string], StoredEventRef>;
  readonly lastOfStream: Statement<[string], StoredEventRef>;
  readonly head: Statement<[], { seq: number | null }>;
  /** Changes whenever another connection commits to the file. */
  readonly dataVersion: Statement<[], number>;
  readonly streamForwards: Statement<[string, number, number], EventRow>;
  readonly streamBackwards: Statement<[string, number, number], EventRow>;
  /** The recorded times after a seq, read out of the metadata by SQLite: no row is parsed in JavaScript. */
  readonly recordedTimes: Statement<[number, number], RecordedTimeRow>;
  private readonly all = new Map<string, Statement<[ReadAllParams], EventRow>>();

  constructor(db: Database) {
    this.insert = db.prepare<[NewEventRow]>(
      `INSERT INTO events (id, stream, revision, category, type, data, metadata, created)
       VALUES (@id, @stream, @revision, @category, @type, @data, @metadata, @created)`,
    );
    this.eventById = db.prepare<[string], StoredEventRef>('SELECT seq, stream, revision FROM events WHERE id = ?');
    this.lastOfStream = db.prepare<[string], StoredEventRef>('SELECT seq, stream, revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.head = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.streamForwards = db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    );
    this.streamBackwards = db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.recordedTimes = db.prepare<[number, number], RecordedTimeRow>(
      `SELECT seq, stream, json_extract(metadata, '$.recordedAt') AS recordedAt FROM events WHERE seq > ? ORDER BY seq ASC LIMIT ?`,
    );
    for (const direction of ['forwards', 'backwards'] as const) {
      for (const byCategory of [false, true]) {
        for (const byType of [false, true]) {
          this.all.set(readAllKey(direction, byCategory, byType), db.prepare(readAllSql(direction, byCategory, byType)));
        }
      }
    }
  }

  /** Events strictly after (forwards) or before (backwards) `from` in `$all`, filtered in SQL. */
  readAll(direction: Direction, from: number, limit: number, filter: EventFilter | undefined): EventRow[] {
    const categories = filter?.categories ?? [];
    const types = filter?.types ?? [];
    const statement = this.all.get(readAllKey(direction, categories.length > 0, types.length > 0));
    if (!statement) throw new Error(`no readAll statement for ${direction}`);
    return statement.all({ from, limit, categories: JSON.stringify(categories), types: JSON.stringify(types) });
  }
}

function readAllKey(direction: Direction, byCategory: boolean, byType: boolean): string {
  return `${direction}/${byCategory}/${byType}`;
}

function readAllSql(direction: Direction, byCategory: boolean, byType: boolean): string {
  const conditions = [direction === 'forwards' ? 'seq > @from' : 'seq < @from'];
  if (byCategory) conditions.push('category IN (SELECT value FROM json_each(@categories))');
  if (byType) conditions.push('type IN (SELECT value FROM json_each(@types))');
  const order = direction === 'forwards' ? 'ASC' : 'DESC';
  return `SELECT ${COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY seq ${order} LIMIT @limit`;
}
