import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import v8 from 'node:v8';
import type { CollectionCopy } from '../collectionCopy';
import { replaceFileAtomically } from './atomicFile';
import { isJsonSafe } from './jsonSafe';
import { FrameKind, MAGIC, SNAPSHOT_FORMAT_VERSION, type SnapshotEnd, type SnapshotHeader } from './snapshotFormat';

export interface SnapshotWriteOptions {
  /** Documents per frame: what is serialized at once, so memory stays bounded; default 1,000. */
  documentsPerFrame?: number;
}

export interface WrittenSnapshot {
  bytes: number;
  documents: number;
}

const DEFAULT_DOCUMENTS_PER_FRAME = 1000;

/**
 * Saves a copy of an embedded read store (`EmbeddedReadStore.copy()`) to `file`, replacing the
 * old one atomically (`snapshotFormat.ts` describes the layout). The documents are serialized a
 * frame at a time, and the event loop turns between frames, so a large store is written without
 * one large buffer and without holding up requests for long.
 */
export async function writeSnapshot(
  file: string,
  meta: unknown,
  collections: readonly CollectionCopy[],
  options: SnapshotWriteOptions = {},
): Promise<WrittenSnapshot> {
  const perFrame = Math.max(1, options.documentsPerFrame ?? DEFAULT_DOCUMENTS_PER_FRAME);
  const header: SnapshotHeader = {
    savedAt: new Date().toISOString(),
    meta,
    collections: collections.map((collection) => ({ name: collection.name, indexes: [...collection.indexes], documents: collection.documents.length })),
  };
  return replaceFileAtomically(file, async (handle) => {
    const out = new FrameOutput(handle);
    const version = Buffer.alloc(4);
    version.writeUInt32LE(SNAPSHOT_FORMAT_VERSION);
    await out.raw(Buffer.concat([MAGIC, version]));
    await out.frame(FrameKind.HEADER, Buffer.from(JSON.stringify(header), 'utf8'));
    let documents = 0;
    for (const [number, collection] of collections.entries()) {
      for (let start = 0; start < collection.documents.length; start += perFrame) {
        const chunk = collection.documents.slice(start, start + perFrame);
        const tag = Buffer.alloc(4);
        tag.writeUInt32LE(number);
        const json = chunk.every(isJsonSafe);
        await out.frame(
          json ? FrameKind.DOCUMENTS_JSON : FrameKind.DOCUMENTS,
          Buffer.concat([tag, json ? Buffer.from(JSON.stringify(chunk), 'utf8') : v8.serialize(chunk)]),
        );
        documents += chunk.length;
      }
    }
    const end: SnapshotEnd = { frames: out.frames + 1, documents };
    await out.frame(FrameKind.END, Buffer.from(JSON.stringify(end), 'utf8'));
    return { bytes: out.bytes, documents };
  });
}

/** Frames appended to an open file, counted. */
class FrameOutput {
  frames = 0;
  bytes = 0;

  constructor(private readonly handle: FileHandle) {}

  async frame(kind: FrameKind, payload: Buffer): Promise<void> {
    const head = Buffer.alloc(5);
    head.writeUInt32LE(payload.length, 0);
    head.writeUInt8(kind, 4);
    const digest = createHash('sha256').update(head.subarray(4)).update(payload).digest();
    await this.raw(Buffer.concat([head, digest]));
    await this.raw(payload);
    this.frames++;
  }

  async raw(bytes: Buffer): Promise<void> {
    let written = 0;
    while (written < bytes.length) written += (await this.handle.write(bytes, written, bytes.length - written)).bytesWritten;
    this.bytes += bytes.length;
  }
}
