import type { Filter } from '../readStore';
import type { CandidateSource } from './indexes';
import { isPlainObject } from './values';

export interface QueryPlan {
  /** The ids of the candidate documents, or `undefined` to scan every document. */
  readonly ids: Iterable<string> | undefined;
  /** What each candidate must still pass: the filter, less a condition the index answered exactly. */
  readonly residual: Filter;
}

/** A field the filter requires to equal one of `values`. */
interface EqualityCondition {
  readonly field: string;
  readonly values: readonly unknown[];
  /** A key of the filter itself (not inside `$and`) whose condition is only this equality. */
  readonly removable: boolean;
}

/**
 * Picks the index that narrows the filter most. Usable conditions are top-level fields (also inside
 * a top-level `$and`) compared by equality, `$eq` or `$in`. Candidates are a superset of the matches,
 * so the residual filter still runs on each; when the index answers the condition exactly (a plain
 * field and string, number or boolean values) the residual leaves it out, and is often empty.
 */
export function planQuery(filter: Filter, sources: readonly CandidateSource[]): QueryPlan {
  let best: { source: CandidateSource; condition: EqualityCondition; count: number; exact: boolean } | undefined;
  for (const condition of equalityConditions(filter)) {
    for (const source of sources) {
      if (source.field !== condition.field) continue;
      const count = source.count(condition.values);
      const exact = source.exact && condition.removable && condition.values.every(isPlainScalar);
      if (best === undefined || count < best.count || (count === best.count && exact && !best.exact)) {
        best = { source, condition, count, exact };
      }
    }
  }
  if (best === undefined) return { ids: undefined, residual: filter };
  const ids = best.source.ids(best.condition.values);
  if (!best.exact) return { ids, residual: filter };
  const { [best.condition.field]: _answered, ...residual } = filter;
  return { ids, residual };
}

function isPlainScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function equalityConditions(filter: Filter, topLevel = true): EqualityCondition[] {
  const conditions: EqualityCondition[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const member of condition) if (isPlainObject(member)) conditions.push(...equalityConditions(member, false));
      continue;
    }
    if (field.startsWith('$')) continue;
    const equality = equalityValues(condition);
    // Through an array, mingo compares a dotted path's collected values as one array
    // ({'a.b': [1, 2]} matches {a: [{b: 1}, {b: 2}]}), which no index key records: scan instead.
    if (equality === undefined || (field.includes('.') && equality.values.some(Array.isArray))) continue;
    conditions.push({ field, values: equality.values, removable: topLevel && equality.alone });
  }
  return conditions;
}

/** The values a field condition requires equality with, or `undefined` if it is not that kind of condition. */
function equalityValues(condition: unknown): { values: readonly unknown[]; alone: boolean } | undefined {
  // A regular expression as a value is a pattern match, not an equality.
  if (condition instanceof RegExp) return undefined;
  if (!isPlainObject(condition)) return { values: [condition], alone: true };
  const operators = Object.keys(condition);
  if (!operators.some((key) => key.startsWith('$'))) return { values: [condition], alone: true };
  if (!operators.every((key) => key.startsWith('$'))) return undefined;
  const alone = operators.length === 1;
  if ('$eq' in condition && !(condition.$eq instanceof RegExp)) return { values: [condition.$eq], alone };
  const list = condition.$in;
  if (Array.isArray(list) && !list.some((value) => value instanceof RegExp)) return { values: list, alone };
  return undefined;
}
