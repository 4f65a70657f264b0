import { randomBytes } from 'node:crypto';
import type { Filter } from '../readStore';
import { updateOperator } from './mingoUpdateOperators';
import { cloneValue, isPlainObject } from './values';

/**
 * The document an upsert starts from, like MongoDB: the fields the filter requires by equality
 * (top level or inside `$and`), with dotted paths expanded.
 */
export function seedFromFilter(filter: Filter): Record<string, unknown> {
  const equalities: Record<string, unknown> = {};
  collectEqualities(filter, equalities);
  // mingo refuses to $set an `_id`, so it goes in directly.
  const { _id, ...fields } = cloneValue(equalities) as Record<string, unknown>;
  const seed: Record<string, unknown> = _id === undefined ? {} : { _id };
  if (Object.keys(fields).length > 0) updateOperator('$set')(fields)(seed);
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

/** A new string id shaped like an ObjectId's hex form: what the MongoDB adapter hands out too. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}
