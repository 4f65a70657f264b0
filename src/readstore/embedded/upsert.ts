import { randomBytes } from 'node:crypto';
import { update as applyUpdate } from 'mingo';
import type { Filter, Update } from '../readStore';
import { isPlainObject } from './values';

export type Modifier = Parameters<typeof applyUpdate>[1];

/** An update document split into what always applies and what applies only when upserting. */
export interface SplitUpdate {
  readonly always: Modifier | undefined;
  readonly onInsert: Modifier | undefined;
  /** An `_id` given by `$setOnInsert`, which may only seed a new document. */
  readonly insertId: string | undefined;
}

export function splitUpdate(update: Update): SplitUpdate {
  const operators = Object.keys(update);
  if (operators.length === 0) throw new Error('An update document needs at least one update operator');
  const always: Record<string, unknown> = {};
  for (const operator of operators) {
    if (!operator.startsWith('$')) throw new Error(`An update document may contain only update operators, found '${operator}'`);
    if (operator !== '$setOnInsert') always[operator] = update[operator];
  }
  const { _id: insertId, ...onInsert } = isPlainObject(update.$setOnInsert) ? update.$setOnInsert : {};
  return {
    always: Object.keys(always).length > 0 ? always : undefined,
    onInsert: Object.keys(onInsert).length > 0 ? { $set: onInsert } : undefined,
    insertId: typeof insertId === 'string' ? insertId : undefined,
  };
}

/**
 * The document an upsert starts from, like MongoDB: the fields the filter requires by equality
 * (top level or inside `$and`), with dotted paths expanded.
 */
export function seedFromFilter(filter: Filter): Record<string, unknown> {
  const equalities: Record<string, unknown> = {};
  collectEqualities(filter, equalities);
  // mingo refuses to $set an `_id`, so it goes in directly.
  const { _id, ...fields } = equalities;
  const seed: Record<string, unknown> = _id === undefined ? {} : { _id };
  if (Object.keys(fields).length > 0) applyUpdate(seed, { $set: fields }, undefined, undefined, { cloneMode: 'deep' });
  return seed;
}

function collectEqualities(filter: Filter, into: Record<string, unknown>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const member of condition) if (isPlainObject(member)) collectEqualities(member, into);
      continue;
    }
    if (field.startsWith('$') || condition instanceof RegExp) continue;
    if (!isPlainObject(condition)) into[field] = condition;
    else if (!Object.keys(condition).some((key) => key.startsWith('$'))) into[field] = condition;
    else if ('$eq' in condition) into[field] = condition.$eq;
  }
}

/** A new string id shaped like an ObjectId's hex form: what MongoDB adapters hand out too. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}
