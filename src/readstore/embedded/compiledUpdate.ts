import { update as updateWithQuery } from 'mingo';
import type { Document, Filter, Update } from '../readStore';
import { isUpdateOperator, updateOperator, type Mutator } from './mingoUpdateOperators';
import { cloneValue, isPlainObject } from './values';

/** An update document checked once and ready to apply to each matching document. */
export interface CompiledUpdate {
  /** Applies the update operators in place; true if anything changed. */
  apply(document: Document): boolean;
  /** Applies `$setOnInsert` to a document an upsert is creating. */
  applyOnInsert(document: Document): void;
  /** An `_id` given by `$setOnInsert`, which may only name a new document. */
  readonly insertId: string | undefined;
}

type Modifier = Parameters<typeof updateWithQuery>[1];

/**
 * Checks an update the way MongoDB does (operators only, known ones, no two touching the same
 * path) before any document changes, and keeps its own copy of the values it sets.
 */
export function compileUpdate(update: Update, filter: Filter): CompiledUpdate {
  const names = Object.keys(update);
  if (names.length === 0) throw new Error('An update document needs at least one update operator');
  const expressions: [string, Record<string, unknown>][] = [];
  const paths: string[] = [];
  let onInsert: Record<string, unknown> = {};
  for (const name of names) {
    if (!name.startsWith('$')) throw new Error(`An update document may contain only update operators, found '${name}'`);
    const expression = update[name];
    if (!isPlainObject(expression)) throw new Error(`${name} needs a document of field paths`);
    paths.push(...Object.keys(expression));
    const copy = cloneValue(expression) as Record<string, unknown>;
    if (name === '$setOnInsert') onInsert = copy;
    else if (!isUpdateOperator(name)) throw new Error(`Unknown update operator: '${name}'`);
    else expressions.push([name, copy]);
  }
  rejectConflicts(paths);
  const { _id: insertId, ...insertFields } = onInsert;
  const setOnInsert = Object.keys(insertFields).length > 0 ? updateOperator('$set')(insertFields) : undefined;
  return {
    apply: paths.some((path) => path.includes('$')) ? positional(expressions, filter) : direct(expressions),
    applyOnInsert: (document) => void setOnInsert?.(document),
    insertId: typeof insertId === 'string' ? insertId : undefined,
  };
}

function direct(expressions: readonly [string, Record<string, unknown>][]): (document: Document) => boolean {
  const mutators: Mutator[] = expressions.map(([name, expression]) => updateOperator(name)(expression));
  return (document) => {
    let changed = false;
    for (const mutate of mutators) if (mutate(document).length > 0) changed = true;
    return changed;
  };
}

// Positional paths (`items.$.qty`) need the query that matched; mingo's full update takes it.
function positional(expressions: readonly [string, Record<string, unknown>][], filter: Filter): (document: Document) => boolean {
  const modifier = Object.fromEntries(expressions) as Modifier;
  return (document) => updateWithQuery(document, modifier, undefined, filter, { cloneMode: 'deep' }).length > 0;
}

function rejectConflicts(paths: readonly string[]): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i], paths[j]];
      if (a === b || a.startsWith(b + '.') || b.startsWith(a + '.')) {
        throw new Error(`Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}
