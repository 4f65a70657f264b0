import { canonicalText, identityKey, optionalId } from '../shared/identity';
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
 * A counterpart as given, in the form that is stored and compared: an empty id is no id, a name
 * is canonical text (`李家村\u200b ` is `李家村`). The command's key and the stored key are
 * computed from this one form.
 */
export function canonicalCounterpart(given: { kind: CounterpartKind; id?: string | null; name?: string | null }): Counterpart {
  const name = given.name === null || given.name === undefined ? null : canonicalText(given.name);
  return { kind: given.kind, id: optionalId(given.id), name: name === '' ? null : name };
}

/**
 * A name as people type it in different records: full-width and half-width forms, spacing,
 * invisible characters and letter case differ, the party does not. `张家村 `, `张 家村` and
 * `张家村` are one village.
 */
export function normalizedName(name: string): string {
  return identityKey(name);
}

/** The stable identity of a counterpart: `UNIT:<id>`, `MEMBER:<id>`, or `<KIND>:<normalized name>`. */
export function counterpartKey(counterpart: Counterpart): string {
  const id = optionalId(counterpart.id);
  return id !== null ? `${counterpart.kind}:${id}` : `${counterpart.kind}:${normalizedName(counterpart.name ?? '')}`;
}
