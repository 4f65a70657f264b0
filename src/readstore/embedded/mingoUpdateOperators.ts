/** Applies an update operator's expression to a document in place and returns the paths it changed. */
export type Mutator = (document: Record<string, unknown>) => string[];
export type UpdateOperator = (expression: Record<string, unknown>) => Mutator;

/**
 * mingo's update operators (`$set`, `$inc`, …), each compiling an expression into a mutator.
 * mingo's all-in-one `update()` rebuilds its operator tables on every call (~80 µs); calling the
 * operators directly costs a few µs. They are published as the subpath `mingo/operators/update`,
 * which this project's `moduleResolution` (node10) cannot see at compile time, hence `require`.
 */
const operators = require('mingo/operators/update') as Readonly<Record<string, UpdateOperator | undefined>>;

export function isUpdateOperator(name: string): boolean {
  return Object.hasOwn(operators, name);
}

export function updateOperator(name: string): UpdateOperator {
  const operator = Object.hasOwn(operators, name) ? operators[name] : undefined;
  if (operator === undefined) throw new Error(`Unknown update operator: '${name}'`);
  return operator;
}
