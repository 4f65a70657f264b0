import type { Filter } from '../readStore';
import type { CandidateSource } from './indexes';
import { isPlainObject } from './values';

/** A field the filter requires to equal one of `values` (a superset of what the full filter matches). */
interface EqualityCondition {
  readonly field: string;
  readonly values: readonly unknown[];
}

/**
 * Picks the index that narrows the filter most and returns the ids of the candidate documents,
 * or `undefined` when no index applies and every document must be scanned. Usable conditions are
 * top-level fields (also inside a top-level `$and`) compared by equality, `$eq` or `$in`.
 * Candidates are a superset of the matches: the caller still runs the full filter on each.
 */
export function planCandidates(filter: Filter, sources: readonly CandidateSource[]): Iterable<string> | undefined {
  const conditions = equalityConditions(filter);
  if (conditions.length === 0) return undefined;
  let best: { source: CandidateSource; values: readonly unknown[]; count: number } | undefined;
  for (const condition of conditions) {
    for (const source of sources) {
      if (source.field !== condition.field) continue;
      const count = source.count(condition.values);
      if (best === undefined || count < best.count) best = { source, values: condition.values, count };
    }
  }
  return best?.source.ids(best.values);
}

function equalityConditions(filter: Filter): EqualityCondition[] {
  const conditions: EqualityCondition[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const member of condition) if (isPlainObject(member)) conditions.push(...equalityConditions(member));
      continue;
    }
    if (field.startsWith('$')) continue;
    const values = equalityValues(condition);
    // Through an array, mingo compares a dotted path's collected values as one array
    // ({'a.b': [1, 2]} matches {a: [{b: 1}, {b: 2}]}), which no index key records: scan instead.
    if (values === undefined || (field.includes('.') && values.some(Array.isArray))) continue;
    conditions.push({ field, values });
  }
  return conditions;
}

/** The values a field condition requires equality with, or `undefined` if it is not that kind of condition. */
function equalityValues(condition: unknown): readonly unknown[] | undefined {
  // A regular expression as a value is a pattern match, not an equality.
  if (condition instanceof RegExp) return undefined;
  if (!isPlainObject(condition)) return [condition];
  const operators = Object.keys(condition);
  if (!operators.some((key) => key.startsWith('$'))) return [condition];
  if (!operators.every((key) => key.startsWith('$'))) return undefined;
  if ('$eq' in condition && !(condition.$eq instanceof RegExp)) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && !list.some((value) => value instanceof RegExp)) return list;
  return undefined;
}
