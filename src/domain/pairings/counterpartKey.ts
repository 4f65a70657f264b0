import type { CounterpartKind } from './pairingKind';

/** The other side of a pairing: a member or unit by id, or an outside party by name. */
export interface Counterpart {
  kind: CounterpartKind;
  /** Set for MEMBER and UNIT; null for an outside party. */
  id: string | null;
  /** Set for an outside party; null for MEMBER and UNIT (their names change over time). */
  name: string | null;
}

/**
 * A name as people type it in different records: full-width and half-width forms, spacing and
 * letter case differ, the party does not. `张家村 ` and `张家村` are one village.
 */
export function normalizedName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The stable identity of a counterpart: `UNIT:<id>`, `MEMBER:<id>`, or `<KIND>:<normalized name>`. */
export function counterpartKey(counterpart: Counterpart): string {
  return counterpart.id !== null ? `${counterpart.kind}:${counterpart.id}` : `${counterpart.kind}:${normalizedName(counterpart.name ?? '')}`;
}
