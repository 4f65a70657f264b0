import type { Database } from 'better-sqlite3';

/** How long a writer waits for another connection (e.g. the CLI `seed`) to release the lock. */
const BUSY_TIMEOUT_MS = 5000;

export type Synchronous = 'FULL' | 'NORMAL';

const DDL = `
CREATE TABLE IF NOT EXISTS events (
  seq      INTEGER PRIMARY KEY,
  id       TEXT    NOT NULL UNIQUE,
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  category TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT    NOT NULL,
  created  TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_by_category ON events (category, seq);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, seq);
`;

/**
 * `seq` is the `$all` order. Writers take the lock with BEGIN IMMEDIATE, so seq order is commit
 * order and a reader that asks for "seq > last seen" never skips a later-committed lower seq.
 * The (stream, revision) unique index also answers "last revision of a stream".
 */
export function prepareDatabase(db: Database, synchronous: Synchronous): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.transaction(() => db.exec(DDL)).immediate();
}
