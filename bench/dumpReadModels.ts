import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { allProjections } from '../projections';
import { Projector } from '../src/app/projector/projector';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import type { ReadStore } from '../src/readstore/readStore';

/**
 * The identity check of a rebuild: `node dist/bench/dumpReadModels.js <events.sqlite> <batch size> <out file>`
 * replays the whole log into a fresh embedded read store with that catch-up batch size and
 * writes every collection (by name), every document sorted by `_id`, one JSON line each, then
 * prints the dump's SHA-256. Two builds of the code agree on a log when their dumps are equal
 * byte for byte (`cmp`). Uses only the Projector and the ReadStore port, so the same file
 * builds against older commits too.
 */
async function main(): Promise<void> {
  const [eventsPath, batch, out] = process.argv.slice(2);
  if (eventsPath === undefined || batch === undefined || out === undefined) {
    throw new Error('usage: dumpReadModels <events.sqlite> <batch size> <out file>');
  }
  const events = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  try {
    const readStore = new EmbeddedReadStore();
    const projector = new Projector(events, readStore, allProjections, { catchUpBatchSize: Number(batch) });
    await projector.start();
    await projector.catchUp();
    await projector.stop();
    const lines = await dump(readStore);
    fs.writeFileSync(out, lines.join('\n') + '\n');
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    process.stdout.write(`${hash.digest('hex')}  ${out} (${lines.length} lines, batch ${batch})\n`);
  } finally {
    await events.close();
  }
}

/** Every collection's documents, sorted by name and then by `_id`, as JSON lines headed by the collection's name. */
export async function dump(store: ReadStore): Promise<string[]> {
  const lines: string[] = [];
  for (const name of (await store.listCollections()).sort()) {
    const documents = await store.collection(name).find({});
    documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    lines.push(`# ${name} ${documents.length}`);
    for (const document of documents) lines.push(JSON.stringify(document));
  }
  return lines;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
