import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { isJsonSafe } from '../../../src/readstore/embedded/snapshot/jsonSafe';
import { FrameKind, MAGIC } from '../../../src/readstore/embedded/snapshot/snapshotFormat';
import { SnapshotReader } from '../../../src/readstore/embedded/snapshot/snapshotReader';
import { writeSnapshot } from '../../../src/readstore/embedded/snapshot/snapshotWriter';
import { UnusableSnapshot } from '../../../src/readstore/embedded/snapshot/unusableSnapshot';
import { DuplicateKeyError } from '../../../src/readstore/readStore';
import { readModelText } from '../../support/readModelImage';
import { advanced, registered, transferAccepted, transferRequested } from '../support/eventLog';
import { project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';
import { allProjections } from '../../../projections';

/** Read models of a small history, plus a collection with values JSON would not keep and one with a unique index. */
async function sampleStore(): Promise<EmbeddedReadStore> {
  const store = new EmbeddedReadStore();
  for (const projection of allProjections) await projection.setup(store);
  const log = logWithTree();
  for (let i = 0; i < 40; i++) log.record('2014-01-01', registered(`m${i}`, i % 2 === 0 ? 'B1' : 'B2', i % 2 === 0 ? 'G1' : 'G2'));
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2016-04-01', transferRequested('t1', 'm2', 'B1', 'B2', '2016-07-01'));
  log.record('2016-05-01', transferAccepted('t1', 'm2', 'B1', 'B2', 'G1'));
  await project(store, log.events, 7);
  const odd = store.collection('odd');
  await odd.createIndex({ keys: { code: 1 }, unique: true, name: 'code_unique' });
  await odd.createIndex({ keys: { 'tags.name': 1, at: -1 } });
  await odd.insertOne({ _id: 'a', code: 'A', at: new Date('2020-01-02T03:04:05Z'), gone: undefined, zero: -0, tags: [{ name: 'x' }, { name: 'y' }] });
  await odd.insertOne({ _id: 'b', code: 'B', nested: { deep: [[1, 2], [3]] }, tags: [] });
  // Exists with no documents: its index stays.
  await store.collection('emptied').createIndex({ keys: { field: 1 } });
  return store;
}

async function restored(file: string): Promise<EmbeddedReadStore> {
  const reader = await SnapshotReader.open(file);
  try {
    const store = new EmbeddedReadStore();
    await reader.readInto(store);
    return store;
  } finally {
    await reader.close();
  }
}

async function refusal(file: string): Promise<UnusableSnapshot> {
  try {
    await restored(file);
  } catch (error) {
    if (error instanceof UnusableSnapshot) return error;
    throw error;
  }
  throw new Error('the snapshot was restored');
}

describe('the snapshot file of an embedded read store', () => {
  let dir: string;
  let file: string;
  let original: EmbeddedReadStore;
  beforeAll(async () => {
    original = await sampleStore();
  });
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-snapshot-'));
    file = path.join(dir, 'read-models.snapshot');
    // Small frames: the damage tests below land inside one of many.
    await writeSnapshot(file, { log: 'sample' }, original.copy(), { documentsPerFrame: 16 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restores every collection exactly: documents (key order, undefined, Dates, -0), index specs, empty collections', async () => {
    const copy = await restored(file);
    expect(readModelText(copy)).toBe(readModelText(original));
    expect((await copy.listCollections()).sort()).toEqual((await original.listCollections()).sort());
    expect(await copy.collection('emptied').countDocuments()).toBe(0);
    const [a] = await copy.collection('odd').find({ _id: 'a' });
    expect(a.at).toBeInstanceOf(Date);
    expect(Object.is(a.zero, -0)).toBe(true);
    expect('gone' in a).toBe(true);
  });

  it('writes documents JSON keeps exactly as JSON (faster to read), and the others (a Date, undefined, -0) with v8', async () => {
    const kinds = frameKinds(fs.readFileSync(file));
    expect(kinds[0]).toBe(FrameKind.HEADER);
    expect(kinds[kinds.length - 1]).toBe(FrameKind.END);
    expect(kinds).toContain(FrameKind.DOCUMENTS_JSON);
    expect(kinds.filter((kind) => kind === FrameKind.DOCUMENTS)).toHaveLength(1);
    expect([
      isJsonSafe({ a: [1, 'x', null, { b: true }] }),
      isJsonSafe({ a: undefined }),
      isJsonSafe({ a: new Date(0) }),
      isJsonSafe([-0]),
      isJsonSafe({ n: NaN }),
    ]).toEqual([true, false, false, false, false]);
  });

  it("keeps the caller's meta in the header, readable before the documents", async () => {
    const reader = await SnapshotReader.open(file);
    try {
      expect(reader.header.meta).toEqual({ log: 'sample' });
      expect(reader.header.collections.find((collection) => collection.name === 'odd')).toMatchObject({ documents: 2 });
    } finally {
      await reader.close();
    }
  });

  it('restored indexes answer queries without a scan, and a unique one still refuses a duplicate', async () => {
    const copy = await restored(file);
    const memberships = copy.collection('memberships');
    const total = await memberships.countDocuments();
    copy.stats.reset();
    const inB2 = await memberships.find({ branchId: 'B2' });
    expect(inB2.length).toBeGreaterThan(0);
    expect(inB2.length).toBeLessThan(total);
    // Only the index's candidates were examined, not every membership.
    expect(copy.stats.documentsExamined).toBeLessThanOrEqual(inB2.length);
    expect(await copy.collection('odd').find({ 'tags.name': 'y' })).toHaveLength(1);
    await expect(copy.collection('odd').insertOne({ _id: 'c', code: 'A' })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('a restored document is not shared with the file reader: changing the copy leaves the next restore alone', async () => {
    const first = await restored(file);
    await first.collection('odd').updateOne({ _id: 'b' }, { $set: { code: 'Z' } });
    const second = await restored(file);
    expect(await second.collection('odd').findOne({ _id: 'b' })).toMatchObject({ code: 'B' });
  });

  it('a missing file is missing', async () => {
    expect(await refusal(path.join(dir, 'nothing-here'))).toMatchObject({ reason: 'missing' });
  });

  it.each([
    ['in the middle of a frame', (size: number) => Math.floor(size / 2)],
    ['inside the prefix', () => 5],
    ['one byte short', (size: number) => size - 1],
  ])('a file truncated %s is truncated', async (_where, at) => {
    fs.truncateSync(file, at(fs.statSync(file).size));
    expect(await refusal(file)).toMatchObject({ reason: 'truncated' });
  });

  it('a file cut at a frame boundary (its end frame lost) is truncated', async () => {
    const bytes = fs.readFileSync(file);
    const endFrameStart = lastFrameStart(bytes);
    fs.writeFileSync(file, bytes.subarray(0, endFrameStart));
    const error = await refusal(file);
    expect(error.reason).toBe('truncated');
    expect(error.message).toMatch(/before its end frame/);
  });

  it.each([
    ['a document frame', 0.6],
    ['the header frame', 0],
  ])('a byte flipped in %s is corrupt, named by its checksum', async (_where, fraction) => {
    const bytes = fs.readFileSync(file);
    // Past the prefix and the first frame's length, kind and checksum: inside a payload.
    const at = fraction === 0 ? MAGIC.length + 4 + 37 + 10 : Math.floor(bytes.length * fraction);
    bytes[at] ^= 0x20;
    fs.writeFileSync(file, bytes);
    const error = await refusal(file);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/checksum of frame \d+ does not match|claims|damaged/);
  });

  it('another file format, or another version of this one, is refused before anything is read', async () => {
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32LE(99, MAGIC.length);
    fs.writeFileSync(file, bytes);
    expect(await refusal(file)).toMatchObject({ reason: 'format', message: expect.stringMatching(/format 99; this build reads format 1/) });
    fs.writeFileSync(file, 'not a snapshot at all, but long enough to hold a prefix');
    expect(await refusal(file)).toMatchObject({ reason: 'format' });
  });

  it('bytes after the end frame are damage', async () => {
    fs.appendFileSync(file, Buffer.from([1, 2, 3]));
    expect(await refusal(file)).toMatchObject({ reason: 'corrupt' });
  });

  it('a failed write leaves the previous snapshot in place and no temporary file', async () => {
    const before = fs.readFileSync(file);
    const failing = { name: 'bad', indexes: [], documents: [{ _id: 'x', f: () => 1 } as never] };
    await expect(writeSnapshot(file, {}, [failing])).rejects.toThrow();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['read-models.snapshot']);
  });
});

/** The kind of every frame, in order. */
function frameKinds(bytes: Buffer): number[] {
  const kinds: number[] = [];
  for (let offset = MAGIC.length + 4; offset < bytes.length; offset += 37 + bytes.readUInt32LE(offset)) kinds.push(bytes.readUInt8(offset + 4));
  return kinds;
}

/** Where the last frame starts: walks the frames from the prefix. */
function lastFrameStart(bytes: Buffer): number {
  let offset = MAGIC.length + 4;
  let last = offset;
  while (offset < bytes.length) {
    last = offset;
    offset += 37 + bytes.readUInt32LE(offset);
  }
  return last;
}
