import type { Document, Filter } from '../readStore';
import { isPlainObject } from './values';

/**
 * What a native predicate says of a document: it matches, it does not, or it holds a value the
 * native matcher does not model (an object, a Date, NaN, an array of arrays…), so mingo must decide.
 */
export type Verdict = typeof NO | typeof YES | typeof UNDECIDED;
export const NO = 0;
export const YES = 1;
export const UNDECIDED = 2;

/** A filter compiled to plain JavaScript: exactly mingo's answer whenever it is not `UNDECIDED`. */
export type NativePredicate = (document: Document) => Verdict;

/**
 * Evaluating a mingo query resolves paths and compares through generic helpers for every
 * condition of every candidate, which dominates reads. The commonest filters need none of that:
 * plain field names compared with strings, numbers, booleans and null. For those filters this
 * compiles a predicate giving mingo's answers (MongoDB's too, for this subset), and for any other
 * filter returns `undefined`:
 *
 * - `{f: x}` and `{f: {$eq: x}}`: the value is `x`, or an array holding `x`; with `x` null, a missing
 *   field, null, or an array holding null. `$ne` is the negation.
 * - `$in`: equality with one of the list (an empty array matches none of it, nor does an empty list
 *   match anything); `$nin` is the negation.
 * - `$gt $gte $lt $lte` with a string or a number: the value, or an element of an array value, is
 *   of the operand's type and compares so. Missing, null and values of another type never match.
 * - `$exists`: whether the field is present, null included.
 * - `$and $or $nor` of such filters, several operators on one field, several fields: all must hold.
 *
 * A document value outside what these rules model makes the verdict `UNDECIDED`, unless the rest
 * of the filter settles it (a failed condition of a conjunction, a met one of a disjunction).
 */
export function compileNativeFilter(filter: Filter): NativePredicate | undefined {
  return compileFilter(filter);
}

// A range bound of null, a Date, a boolean, a RegExp or an object value, a dotted path, $not,
// $elemMatch, $size, $type, $regex, $expr, NaN or undefined anywhere: left to mingo. (mingo's
// `{$gte: null}` matches null but not a missing field, unlike MongoDB: not worth reproducing.)

// ---------------------------------------------------------------------------------------------
// Which filters are supported

type Scalar = string | number | boolean | null;

const LOGICAL = new Set(['$and', '$or', '$nor']);
const FIELD_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists']);

/**
 * Field names read with a plain property access. Names starting with `$` are operators (or
 * errors) to mingo; names of `Object.prototype` properties mingo reads as own properties only.
 */
function isPlainFieldName(name: string): boolean {
  return !name.includes('.') && !name.startsWith('$') && !(name in Object.prototype) && name !== '__proto__';
}

function isScalar(value: unknown): value is Scalar {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(value);
    default:
      return value === null;
  }
}

/** Unlike `Array.prototype.every`, a hole fails: mingo would read it as `undefined`. */
function everyScalar(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (!isScalar(values[i])) return false;
  return true;
}

function isRangeOperand(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}

function isOperandOf(operator: string, operand: unknown): boolean {
  switch (operator) {
    case '$eq':
    case '$ne':
      return isScalar(operand);
    case '$in':
    case '$nin':
      return Array.isArray(operand) && everyScalar(operand);
    case '$exists':
      return typeof operand === 'boolean';
    default:
      return isRangeOperand(operand);
  }
}

// ---------------------------------------------------------------------------------------------
// Predicates

type FieldValues = Record<string, unknown>;

function compileFilter(filter: unknown): NativePredicate | undefined {
  if (!isPlainObject(filter)) return undefined;
  const parts: NativePredicate[] = [];
  for (const name of Object.keys(filter)) {
    const value = filter[name];
    if (LOGICAL.has(name)) {
      if (!Array.isArray(value)) return undefined;
      const members: NativePredicate[] = [];
      for (const member of value) {
        const predicate = compileFilter(member);
        if (predicate === undefined) return undefined;
        members.push(predicate);
      }
      parts.push(name === '$and' ? allOf(members) : name === '$or' ? anyOf(members) : negation(anyOf(members)));
      continue;
    }
    if (!isPlainFieldName(name)) return undefined;
    if (isScalar(value)) {
      parts.push(equalTo(name, value));
      continue;
    }
    if (!isPlainObject(value)) return undefined;
    const operators = Object.keys(value);
    if (operators.length === 0) return undefined;
    for (const operator of operators) {
      const operand = value[operator];
      if (!FIELD_OPERATORS.has(operator) || !isOperandOf(operator, operand)) return undefined;
      parts.push(fieldPredicate(name, operator, operand));
    }
  }
  return allOf(parts);
}

function fieldPredicate(field: string, operator: string, operand: unknown): NativePredicate {
  switch (operator) {
    case '$eq':
      return equalTo(field, operand as Scalar);
    case '$ne':
      return negation(equalTo(field, operand as Scalar));
    case '$in':
      return oneOf(field, operand as Scalar[]);
    case '$nin':
      return negation(oneOf(field, operand as Scalar[]));
    case '$exists':
      return operand === true
        ? (document) => ((document as FieldValues)[field] !== undefined ? YES : NO)
        : (document) => ((document as FieldValues)[field] === undefined ? YES : NO);
    default:
      return inRange(field, operator, operand as string | number);
  }
}

/** A string, boolean, null or a number other than NaN: values the predicates compare exactly. */
function isModeled(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return value === value;
    default:
      return value === null;
  }
}

function equalTo(field: string, expected: Scalar): NativePredicate {
  return (document) => {
    const value = (document as FieldValues)[field];
    // `expected` is never NaN, so === is mingo's isEqual here (and 0 equals -0 for both).
    if (value === expected) return YES;
    if (value === undefined) return expected === null ? YES : NO;
    if (!Array.isArray(value)) return isModeled(value) ? NO : UNDECIDED;
    let verdict: Verdict = NO;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element === expected) return YES;
      if (!isModeled(element)) verdict = UNDECIDED;
    }
    return verdict;
  };
}

function oneOf(field: string, list: readonly Scalar[]): NativePredicate {
  // A Set compares as mingo's intersection does (SameValueZero), and no listed value is NaN.
  const values = new Set<unknown>(list);
  const withNull = values.has(null);
  return (document) => {
    const value = (document as FieldValues)[field];
    if (value === undefined || value === null) return withNull ? YES : NO;
    if (!Array.isArray(value)) {
      if (values.has(value)) return YES;
      return isModeled(value) ? NO : UNDECIDED;
    }
    let verdict: Verdict = NO;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (values.has(element)) return YES;
      if (!isModeled(element)) verdict = UNDECIDED;
    }
    return verdict;
  };
}

// One function per operator, so that each comparison is inline rather than a call.
function inRange(field: string, operator: string, bound: string | number): NativePredicate {
  const type = typeof bound;
  switch (operator) {
    case '$gt':
      return (document) => {
        const value = (document as FieldValues)[field];
        if (typeof value === type && value === value) return (value as typeof bound) > bound ? YES : NO;
        return outOfType(value, type, (element) => element > bound);
      };
    case '$gte':
      return (document) => {
        const value = (document as FieldValues)[field];
        if (typeof value === type && value === value) return (value as typeof bound) >= bound ? YES : NO;
        return outOfType(value, type, (element) => element >= bound);
      };
    case '$lt':
      return (document) => {
        const value = (document as FieldValues)[field];
        if (typeof value === type && value === value) return (value as typeof bound) < bound ? YES : NO;
        return outOfType(value, type, (element) => element < bound);
      };
    default:
      return (document) => {
        const value = (document as FieldValues)[field];
        if (typeof value === type && value === value) return (value as typeof bound) <= bound ? YES : NO;
        return outOfType(value, type, (element) => element <= bound);
      };
  }
}

/** A range verdict on a value that is not a (non-NaN) value of the bound's type. */
function outOfType(value: unknown, type: string, holds: (element: string | number) => boolean): Verdict {
  if (!Array.isArray(value)) return value === undefined || isModeled(value) ? NO : UNDECIDED;
  let verdict: Verdict = NO;
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    if (!isModeled(element)) verdict = UNDECIDED;
    else if (typeof element === type && holds(element as string | number)) return YES;
  }
  return verdict;
}

function negation(predicate: NativePredicate): NativePredicate {
  return (document) => {
    const verdict = predicate(document);
    return verdict === UNDECIDED ? UNDECIDED : verdict === YES ? NO : YES;
  };
}

/** Met when every part is: any failed part settles it, whatever the undecided ones. */
function allOf(parts: readonly NativePredicate[]): NativePredicate {
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [first, second] = parts;
    return (document) => {
      const verdict = first(document);
      if (verdict === NO) return NO;
      const other = second(document);
      return other === NO ? NO : verdict === UNDECIDED ? UNDECIDED : other;
    };
  }
  return (document) => {
    let verdict: Verdict = YES;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i](document);
      if (part === NO) return NO;
      if (part === UNDECIDED) verdict = UNDECIDED;
    }
    return verdict;
  };
}

/** Met when some part is: any met part settles it, whatever the undecided ones. */
function anyOf(parts: readonly NativePredicate[]): NativePredicate {
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [first, second] = parts;
    return (document) => {
      const verdict = first(document);
      if (verdict === YES) return YES;
      const other = second(document);
      return other === YES ? YES : verdict === UNDECIDED ? UNDECIDED : other;
    };
  }
  return (document) => {
    let verdict: Verdict = NO;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i](document);
      if (part === YES) return YES;
      if (part === UNDECIDED) verdict = UNDECIDED;
    }
    return verdict;
  };
}
