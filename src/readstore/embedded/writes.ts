import type { Document, Filter, Update, UpdateResult } from '../readStore';
import type { StoredCollection } from './storedCollection';
import { compileUpdate } from './compiledUpdate';
import { exactlyEqual } from './exactEquality';
import { newId, seedFromFilter } from './upsert';
import { cloneDocument, cloneValue, isPlainObject } from './values';

const NOTHING: UpdateResult = { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };

/** Stores `document`: a copy of it, or itself when `handedOver` and already in the shape stored. */
export function insertDocument(state: StoredCollection, document: Document, handedOver = false): void {
  state.insert(handedOver && storableAsIs(document, false) ? document : storedCopy(document, cloneValue(document._id) ?? newId()));
}

/**
 * Applies update operators to the first matching document, or to all with `multi`. A failure on
 * one document (a duplicate key) undoes the documents already changed, so the write changes nothing.
 */
export function updateDocuments(state: StoredCollection, filter: Filter, update: Update, options: { upsert: boolean; multi: boolean }): UpdateResult {
  const compiled = compileUpdate(update, filter);
  const targets = state.match(filter, options.multi ? Infinity : 1);
  if (targets.length === 0) {
    if (!options.upsert) return NOTHING;
    const seed = seedFromFilter(filter);
    const { _id: seededId, ...fields } = seed;
    const document: Document = { _id: idOf(seededId) ?? compiled.insertId ?? newId(), ...fields };
    compiled.apply(document);
    compiled.applyOnInsert(document);
    state.insert(document);
    return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: document._id };
  }
  const applied: [before: Document, after: Document][] = [];
  try {
    for (const before of targets) {
      const after = cloneDocument(before);
      if (!compiled.apply(after)) continue;
      state.replace(before, after);
      applied.push([before, after]);
    }
  } catch (error) {
    for (const [before, after] of applied.reverse()) state.replace(after, before);
    throw error;
  }
  return { matchedCount: targets.length, modifiedCount: applied.length, upsertedCount: 0 };
}

export function replaceDocument(state: StoredCollection, filter: Filter, replacement: Document, upsert: boolean): UpdateResult {
  let upsertedId = '';
  switch (replaceIn(state, filter, replacement, upsert, false, (id) => (upsertedId = id))) {
    case REPLACED.NOTHING:
      return NOTHING;
    case REPLACED.UPSERTED:
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId };
    case REPLACED.SAME:
      return { matchedCount: 1, modifiedCount: 0, upsertedCount: 0 };
    default:
      return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 };
  }
}

/** What a replacement did: matched nothing, matched an equal document, modified one, or inserted its document. */
export const REPLACED = { NOTHING: 0, SAME: 1, MODIFIED: 2, UPSERTED: 3 } as const;
export type Replaced = (typeof REPLACED)[keyof typeof REPLACED];

/**
 * `replaceOne`, saying what it did without building a result (a bulk write of a rebuild makes
 * hundreds of thousands); `upserted` hears the id of a document it inserted.
 */
export function replaceIn(
  state: StoredCollection,
  filter: Filter,
  replacement: Document,
  upsert: boolean,
  handedOver: boolean,
  upserted?: (id: string) => void,
): Replaced {
  const after = handedOver && storableAsIs(replacement, true) ? replacement : storedCopy(replacement, cloneValue(replacement._id), true);
  const before = state.first(filter);
  if (before === undefined) {
    if (!upsert) return REPLACED.NOTHING;
    const _id = (after._id ??= idOf(seedFromFilter(filter)._id) ?? newId());
    state.insert(after);
    upserted?.(_id);
    return REPLACED.UPSERTED;
  }
  after._id ??= before._id;
  if (exactlyEqual(after, before)) return REPLACED.SAME;
  state.replace(before, after);
  return REPLACED.MODIFIED;
}

export function deleteDocuments(state: StoredCollection, filter: Filter, limit: number): number {
  const targets = state.match(filter, limit);
  for (const document of targets) state.remove(document);
  return targets.length;
}

/**
 * A deep copy of `document` to store, made in one pass, with `_id` first (as MongoDB stores it).
 * A replacement may not hold update operators: refused before anything changes.
 */
function storedCopy(document: Document, _id: unknown, rejectOperators = false): Document {
  const copy: Record<string, unknown> = { _id };
  for (const field in document) {
    if (rejectOperators && field.startsWith('$')) throw new Error('A replacement document may not contain update operators');
    if (field !== '_id') copy[field] = cloneValue(document[field]);
  }
  return copy as Document;
}

/**
 * Whether a document handed over can be stored as it is: a plain object (the copy would be one),
 * its `_id` a string and its first field (the copy would put it first), and, for a replacement,
 * no update operator (the copy refuses those).
 */
function storableAsIs(document: Document, rejectOperators: boolean): boolean {
  if (typeof document._id !== 'string' || !isPlainObject(document)) return false;
  let first = true;
  for (const field in document) {
    if (first && field !== '_id') return false;
    first = false;
    if (rejectOperators && field.charCodeAt(0) === 36 /* $ */) return false;
  }
  return true;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
