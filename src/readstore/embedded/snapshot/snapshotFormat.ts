import type { IndexSpec } from '../../readStore';

/**
 * The file a saved embedded read store is written to (DESIGN.md "Read side": the embedded default
 * saves its read models with their checkpoints). After a fixed prefix (`MAGIC`, then the format
 * version as a little-endian uint32) come frames, each:
 *
 *     uint32 LE payload length | uint8 kind | 32 bytes sha256(kind, payload) | payload
 *
 * first one `HEADER` (UTF-8 JSON: `SnapshotHeader`), then the documents of every collection in
 * header order, each frame a uint32 LE collection number and an array of documents: as JSON
 * (`DOCUMENTS_JSON`) when JSON keeps them exactly, which reads back faster, else as
 * `v8.serialize` (`DOCUMENTS`: Dates, `undefined`, -0); then one `END` (JSON: `SnapshotEnd`).
 * Each frame is checked before it is parsed, and a file without its `END` frame is truncated,
 * so a torn or damaged file is never loaded.
 */
export const MAGIC = Buffer.from('ORGTRACK-READ-MODELS\n', 'latin1');
/** Bump when the layout above or the meaning of a field changes: an older file is then ignored and rebuilt. */
export const SNAPSHOT_FORMAT_VERSION = 1;
export const PREFIX_BYTES = MAGIC.length + 4;
export const FRAME_HEADER_BYTES = 4 + 1 + 32;
/** No frame is larger: a length beyond it is damage, not a reason to allocate gigabytes. */
export const MAX_FRAME_BYTES = 512 * 1024 * 1024;

export const FrameKind = { HEADER: 1, DOCUMENTS: 2, END: 3, DOCUMENTS_JSON: 4 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export interface SavedCollection {
  name: string;
  indexes: IndexSpec[];
  /** How many documents its frames hold. */
  documents: number;
}

/** The first frame: what the file holds, readable before the documents are. */
export interface SnapshotHeader<M = unknown> {
  /** When it was written (ISO-8601). */
  savedAt: string;
  /** What the caller saved beside the documents (which log, which projections): JSON. */
  meta: M;
  collections: SavedCollection[];
}

/** The last frame: its presence says the file is whole. */
export interface SnapshotEnd {
  frames: number;
  documents: number;
}
