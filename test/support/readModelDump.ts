import type { Document, ReadStore } from '../../src/readstore/readStore';

/** One document where two stores differ: as each holds it (null when absent). */
export interface DocumentDifference {
  collection: string;
  _id: string;
  left: Document | null;
  right: Document | null;
}

/** Every document of every collection of two stores that differs, up to `limit`, compared field for field. */
export async function readModelDifferences(left: ReadStore, right: ReadStore, limit = 5): Promise<DocumentDifference[]> {
  const names = [...new Set([...(await left.listCollections()), ...(await right.listCollections())])].sort();
  const differences: DocumentDifference[] = [];
  for (const collection of names) {
    const [a, b] = await Promise.all([byId(left, collection), byId(right, collection)]);
    for (const _id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const l = a.get(_id) ?? null;
      const r = b.get(_id) ?? null;
      if (canonical(l) === canonical(r)) continue;
      differences.push({ collection, _id, left: l, right: r });
      if (differences.length >= limit) return differences;
    }
  }
  return differences;
}

async function byId(store: ReadStore, collection: string): Promise<Map<string, Document>> {
  return new Map((await store.collection(collection).find({})).map((document) => [document._id, document]));
}

/** JSON with keys sorted: two documents with the same fields in another order are the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
