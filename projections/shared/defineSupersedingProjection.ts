import type { OrgEventType } from '../../src/domain/events';
import type { IndexSpec } from '../../src/readstore/readStore';
import { defineProjection } from './defineProjection';
import type { ForgottenDocuments } from './declaredCollection';
import type { ProjectedDocument } from './documentRules';
import type { EventOfType } from './handledEvents';
import type { Projection } from './projection';

/** Records of which a later one may supersede an earlier one (a re-score of a quarter, a second appraisal of a year). */
export interface SupersedingDeclaration<T extends OrgEventType, D extends ProjectedDocument> {
  readonly name: string;
  /** What it writes (`Projection.version`); default 1. */
  readonly version?: number;
  readonly handles: readonly T[];
  readonly collection: string;
  readonly indexes?: readonly IndexSpec['keys'][];
  /** The id of the record an event makes. */
  readonly recordId: (event: EventOfType<T>) => string;
  /** The id of the record it supersedes; null when none. */
  readonly supersedes: (event: EventOfType<T>) => string | null;
  readonly recordOf: (event: EventOfType<T>) => D;
  /** The superseded record, marked by its successor. */
  readonly superseded: (record: D, event: EventOfType<T>) => D;
  /** The records a targeted correction removes before replaying the scope's events. */
  readonly forgets: ForgottenDocuments;
}

/** One document per record; an event makes its record and marks the one it supersedes, each once. */
export function defineSupersedingProjection<T extends OrgEventType, D extends ProjectedDocument>(declaration: SupersedingDeclaration<T, D>): Projection {
  const { name, version, handles, collection, indexes, recordId, supersedes, recordOf, superseded, forgets } = declaration;
  return defineProjection<T, D>({
    name,
    version,
    handles,
    collection,
    indexes,
    forgets,
    documentIds: (event) => {
      const replaced = supersedes(event);
      return replaced === null ? [recordId(event)] : [recordId(event), replaced];
    },
    evolve: (record, event, { id }) => {
      if (id === recordId(event)) return recordOf(event);
      return record === undefined ? undefined : superseded(record, event);
    },
  });
}
