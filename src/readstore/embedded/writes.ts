import type { Document, Filter, Update, UpdateResult } from '../readStore';
import type { CollectionState } from './collectionState';
import { exactKey } from './keys';
import { compileUpdate } from './compiledUpdate';
import { newId, seedFromFilter } from './upsert';
import { cloneDocument } from './values';

const NOTHING: UpdateResult = { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };

export function insertDocument(state: CollectionState, document: Document): void {
  const { _id, ...fields } = cloneDocument(document);
  state.insert({ _id: _id ?? newId(), ...fields });
}

/**
 * Applies update operators to the first matching document, or to all with `multi`. A failure on
 * one document (a duplicate key) undoes the documents already changed, so the write changes nothing.
 */
export function updateDocuments(
  state: CollectionState,
  filter: Filter,
  update: Update,
  options: { upsert: boolean; multi: boolean },
): UpdateResult {
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

export function replaceDocument(
  state: CollectionState,
  filter: Filter,
  replacement: Document,
  upsert: boolean,
): UpdateResult {
  if (Object.keys(replacement).some((field) => field.startsWith('$'))) {
    throw new Error('A replacement document may not contain update operators');
  }
  const [before] = state.match(filter, 1);
  const { _id: givenId, ...fields } = cloneDocument(replacement);
  if (before === undefined) {
    if (!upsert) return NOTHING;
    const _id = givenId ?? idOf(seedFromFilter(filter)._id) ?? newId();
    state.insert({ _id, ...fields });
    return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: _id };
  }
  const after: Document = { _id: givenId ?? before._id, ...fields };
  if (exactKey(after) === exactKey(before)) return { matchedCount: 1, modifiedCount: 0, upsertedCount: 0 };
  state.replace(before, after);
  return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 };
}

export function deleteDocuments(state: CollectionState, filter: Filter, limit: number): number {
  const targets = state.match(filter, limit);
  for (const document of targets) state.remove(document);
  return targets.length;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
