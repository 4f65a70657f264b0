import { alreadyApplied, type DocumentCache, type Positioned } from './documentCache';
import type { DocumentRules, ProjectedDocument } from './documentRules';

/** Reads the documents a batch's events change or read: by id first, then those `found` selects. */
export async function loadDocuments<E, D extends ProjectedDocument>(
  documents: DocumentCache<D>,
  events: readonly E[],
  rules: DocumentRules<E, D>,
): Promise<void> {
  const { documentIds, reads } = rules;
  await documents.load(events.flatMap((event) => (reads === undefined ? documentIds(event) : [...documentIds(event), ...reads(event)])));
  const filter = rules.found?.filter(events);
  if (filter !== undefined) await documents.loadWhere(filter);
}

/**
 * Folds the events, in log order, into the documents they change (read before by
 * `loadDocuments`); a document that already has an event is left alone. Returns each change
 * made, in order: the event and the document it made.
 */
export function foldEvents<E extends Positioned, D extends ProjectedDocument>(
  documents: DocumentCache<D>,
  events: readonly E[],
  rules: DocumentRules<E, D>,
): { event: E; document: D }[] {
  const changes: { event: E; document: D }[] = [];
  const get = (id: string): D | undefined => documents.get(id);
  const evolve = (event: E, ids: readonly string[]): void => {
    for (const id of ids) {
      const document = documents.get(id);
      if (alreadyApplied(document, event)) continue;
      const next = rules.evolve(document, event, { id, get });
      if (next === undefined) continue;
      documents.put(next);
      changes.push({ event, document: next });
    }
  };
  const key = rules.found?.key;
  for (const event of events) {
    const matching = rules.found?.matching(event);
    if (matching !== undefined) {
      evolve(event, documents.idsWhere(matching, key === undefined ? undefined : { keyOf: key.ofDocument, value: key.ofEvent(event) }));
    }
    evolve(event, rules.documentIds(event));
  }
  return changes;
}
