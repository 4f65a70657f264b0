import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Document } from '../../readStore';
import type { EmbeddedReadStore } from '../embeddedReadStore';
import { deserialized } from './deserializedValues';
import {
  FRAME_HEADER_BYTES,
  FrameKind,
  MAGIC,
  MAX_FRAME_BYTES,
  PREFIX_BYTES,
  SNAPSHOT_FORMAT_VERSION,
  type SavedCollection,
  type SnapshotEnd,
  type SnapshotHeader,
} from './snapshotFormat';
import { UnusableSnapshot } from './unusableSnapshot';

interface Frame {
  kind: FrameKind;
  payload: Buffer;
}

/**
 * Reads a file written by `writeSnapshot`: `open` checks the prefix and reads the header (so the
 * caller can decide whether the file is of its log before the documents are read), `readInto`
 * then restores every collection into an empty embedded store, frame by frame. Any fault
 * (missing, truncated, a checksum that does not match, another format) is an `UnusableSnapshot`
 * naming why; the store read into must then be thrown away.
 */
export class SnapshotReader {
  private offset = PREFIX_BYTES;
  /** Frames read so far, the header included. */
  private frames = 0;

  private current: SnapshotHeader = EMPTY_HEADER;

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {}

  /** The header: what the file holds, and the caller's meta. */
  get header(): SnapshotHeader {
    return this.current;
  }

  static async open(file: string): Promise<SnapshotReader> {
    let handle: FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UnusableSnapshot('missing', `no snapshot at ${file}`);
      throw new UnusableSnapshot('unreadable', `cannot open ${file}: ${code ?? String(error)}`);
    }
    try {
      const { size } = await handle.stat();
      const prefix = await readExactly(handle, 0, PREFIX_BYTES, size, file);
      if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new UnusableSnapshot('format', `${file} is not an orgtrack read-model snapshot`);
      const version = prefix.readUInt32LE(MAGIC.length);
      if (version !== SNAPSHOT_FORMAT_VERSION) {
        throw new UnusableSnapshot('format', `${file} is of snapshot format ${version}; this build reads format ${SNAPSHOT_FORMAT_VERSION}`);
      }
      const reader = new SnapshotReader(file, handle, size);
      const first = await reader.nextFrame();
      if (first.kind !== FrameKind.HEADER) throw new UnusableSnapshot('corrupt', `${file} does not start with its header`);
      reader.current = parseHeader(first.payload, file);
      return reader;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Restores every saved collection (indexes, then documents) into `store`, which should be empty. */
  async readInto(store: EmbeddedReadStore): Promise<{ documents: number }> {
    const { collections } = this.header;
    for (const saved of collections) {
      for (const spec of saved.indexes) await store.collection(saved.name).createIndex(spec);
    }
    const counts = collections.map(() => 0);
    let documents = 0;
    for (;;) {
      const frame = await this.nextFrame();
      if (frame.kind === FrameKind.END) {
        this.checkEnd(frame.payload, documents, counts);
        break;
      }
      const json = frame.kind === FrameKind.DOCUMENTS_JSON;
      if ((!json && frame.kind !== FrameKind.DOCUMENTS) || frame.payload.length < 4) throw this.corrupt(`frame ${this.frames} is not a frame of documents`);
      const number = frame.payload.readUInt32LE(0);
      const saved: SavedCollection | undefined = collections[number];
      if (saved === undefined) throw this.corrupt(`frame ${this.frames} names collection ${number}, of ${collections.length}`);
      const body = frame.payload.subarray(4);
      const chunk = json ? parseJson(body, this.file) : deserialized(body);
      if (!Array.isArray(chunk)) throw this.corrupt(`frame ${this.frames} holds no list of documents`);
      store.restore(saved.name, chunk as Document[]);
      counts[number] += chunk.length;
      documents += chunk.length;
    }
    // Collections that hold nothing but exist (indexes made, documents deleted) exist again.
    for (const saved of collections) store.restore(saved.name, []);
    return { documents };
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private checkEnd(payload: Buffer, documents: number, counts: readonly number[]): void {
    const end = parseJson(payload, this.file) as Partial<SnapshotEnd>;
    if (end.frames !== this.frames || end.documents !== documents) {
      throw this.corrupt(`its end says ${end.frames} frames and ${end.documents} documents, ${this.frames} and ${documents} were read`);
    }
    const short = this.header.collections.find((saved, number) => saved.documents !== counts[number]);
    if (short !== undefined) throw this.corrupt(`collection ${short.name} should hold ${short.documents} documents`);
    if (this.offset !== this.size) throw this.corrupt(`${this.size - this.offset} bytes follow its end`);
  }

  private async nextFrame(): Promise<Frame> {
    if (this.offset >= this.size) throw new UnusableSnapshot('truncated', `${this.file} ends after ${this.frames} frames, before its end frame (truncated)`);
    const number = this.frames + 1;
    const head = await readExactly(this.handle, this.offset, FRAME_HEADER_BYTES, this.size, this.file);
    const length = head.readUInt32LE(0);
    const kind = head.readUInt8(4);
    const start = this.offset + FRAME_HEADER_BYTES;
    if (length > MAX_FRAME_BYTES) throw this.corrupt(`frame ${number} claims ${length} bytes`);
    const payload = await readExactly(this.handle, start, length, this.size, this.file);
    const digest = createHash('sha256').update(head.subarray(4, 5)).update(payload).digest();
    if (!digest.equals(head.subarray(5, FRAME_HEADER_BYTES))) throw this.corrupt(`the checksum of frame ${number} does not match`);
    if (!isFrameKind(kind)) throw this.corrupt(`frame ${number} is of unknown kind ${kind}`);
    this.offset = start + length;
    this.frames = number;
    return { kind, payload };
  }

  private corrupt(detail: string): UnusableSnapshot {
    return new UnusableSnapshot('corrupt', `${this.file} is damaged: ${detail}`);
  }
}

const FRAME_KINDS = new Set<number>(Object.values(FrameKind));

function isFrameKind(kind: number): kind is FrameKind {
  return FRAME_KINDS.has(kind);
}

const EMPTY_HEADER: SnapshotHeader = { savedAt: '', meta: null, collections: [] };

/** `length` bytes at `position`; a file that ends before is truncated. */
async function readExactly(handle: FileHandle, position: number, length: number, size: number, file: string): Promise<Buffer> {
  if (position + length > size) throw new UnusableSnapshot('truncated', `${file} ends in the middle of a frame (truncated at ${size} bytes)`);
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) throw new UnusableSnapshot('truncated', `${file} ends in the middle of a frame (truncated)`);
    read += bytesRead;
  }
  return buffer;
}

function parseJson(payload: Buffer, file: string): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    throw new UnusableSnapshot('corrupt', `${file} is damaged: a frame that should be JSON does not parse`);
  }
}

function parseHeader(payload: Buffer, file: string): SnapshotHeader {
  const header = parseJson(payload, file) as Partial<SnapshotHeader> | null;
  if (header === null || typeof header !== 'object' || !Array.isArray(header.collections) || typeof header.savedAt !== 'string') {
    throw new UnusableSnapshot('corrupt', `${file} is damaged: its header is not a snapshot header`);
  }
  return { savedAt: header.savedAt, meta: header.meta ?? null, collections: header.collections };
}
