import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * The floor for durable writes: plain better-sqlite3 inserts into a table shaped like the event
 * store's (same columns and indexes), WAL mode, synchronous=FULL, nothing else.
 */
export class RawInsertLoop {
  private readonly db: Database.Database;
  private readonly insertBatch: (rows: readonly RawRow[]) => void;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, revision INTEGER NOT NULL,
        category TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, created TEXT NOT NULL,
        UNIQUE (stream, revision));
      CREATE INDEX IF NOT EXISTS events_by_category ON events (category, seq);
      CREATE INDEX IF NOT EXISTS events_by_type ON events (type, seq);`);
    const insert = this.db.prepare<[RawRow]>(
      `INSERT INTO events (id, stream, revision, category, type, data, metadata, created)
       VALUES (@id, @stream, @revision, @category, @type, @data, @metadata, @created)`,
    );
    this.insertBatch = this.db.transaction((rows: readonly RawRow[]) => {
      for (const row of rows) insert.run(row);
    }).immediate;
  }

  /** `transactions` commits of `rowsPerTransaction` rows each. */
  run(transactions: number, rowsPerTransaction: number): void {
    for (let t = 0; t < transactions; t++) {
      this.insertBatch(Array.from({ length: rowsPerTransaction }, rawRow));
    }
  }

  close(): void {
    this.db.close();
  }
}

interface RawRow {
  id: string;
  stream: string;
  revision: number;
  category: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

/** A row about as large as a MemberRegistered event. */
function rawRow(): RawRow {
  const memberId = randomUUID();
  const recordedAt = new Date().toISOString();
  return {
    id: randomUUID(),
    stream: `member-${memberId}`,
    revision: 0,
    category: 'member',
    type: 'MemberRegistered',
    data: JSON.stringify({ memberId, name: 'Bench Member', branchId: randomUUID(), groupId: null, status: 'APPLICANT', joinedOn: null }),
    metadata: JSON.stringify({ effectiveDate: recordedAt.slice(0, 10), recordedAt, actor: 'bench', schemaVersion: 1 }),
    created: recordedAt,
  };
}
