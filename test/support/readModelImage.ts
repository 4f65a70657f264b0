import type { CollectionCopy } from '../../src/readstore/embedded/collectionCopy';
import type { EmbeddedReadStore } from '../../src/readstore/embedded/embeddedReadStore';
import { exactKey } from '../../src/readstore/embedded/keys';

/** Every collection of a store, by name, with its index specs and its documents sorted by id. */
export function readModelImage(store: EmbeddedReadStore): CollectionCopy[] {
  return store
    .copy()
    .map((collection) => ({ ...collection, documents: [...collection.documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The image as one string that differs whenever the read models differ in a way a query can
 * see: key order, `undefined`, Dates and strings apart (`exactKey`), not V8's inner number or
 * string representations.
 */
export function readModelText(store: EmbeddedReadStore): string {
  return exactKey(readModelImage(store));
}

/** Fails unless both stores hold the same collections, indexes and documents, key order included; on a difference, shows it. */
export function expectSameReadModels(actual: EmbeddedReadStore, expected: EmbeddedReadStore): void {
  if (readModelText(actual) === readModelText(expected)) return;
  const [mine, theirs] = [readModelImage(actual), readModelImage(expected)];
  expect(mine.map((collection) => collection.name)).toEqual(theirs.map((collection) => collection.name));
  for (const [i, collection] of mine.entries()) {
    expect({ name: collection.name, indexes: collection.indexes }).toEqual({ name: theirs[i].name, indexes: theirs[i].indexes });
    expect({ name: collection.name, documents: collection.documents }).toStrictEqual({ name: theirs[i].name, documents: theirs[i].documents });
    const differing = collection.documents.findIndex((document, j) => exactKey(document) !== exactKey(theirs[i].documents[j]));
    if (differing >= 0) {
      const [a, b] = [collection.documents[differing], theirs[i].documents[differing]];
      throw new Error(`${collection.name} ${a._id}: the same values in another key order: ${exactKey(a)} / ${exactKey(b)}`);
    }
  }
  throw new Error('the read models differ in the key order of their index specs');
}
