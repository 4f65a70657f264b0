import type { Document, Projection } from '../readStore';
import { cloneValue } from './values';

/** Copies (or shares, for a caller that only reads) the fields a projection includes out of a stored document. */
export type FieldPicker = (document: Document) => Document;

/**
 * For the common projection that only includes top-level fields (`{ name: 1, level: 1 }`, with
 * `_id: 0` allowed), a picker answering as mingo's `$project` does: the included fields that are
 * present, in sorted order, then `_id` unless excluded or already included. Copies only what it
 * picks, and with `share` not even that: the values are the stored (frozen) ones. Undefined for
 * any other projection, which mingo runs.
 */
export function simpleFieldPicker(projection: Projection, share = false): FieldPicker | undefined {
  const fields: string[] = [];
  let withId = true;
  for (const [field, value] of Object.entries(projection)) {
    if (!isPlainFieldName(field)) return undefined;
    if (field === '_id' && (value === 0 || (value as unknown) === false)) withId = false;
    else if (value === 1 || (value as unknown) === true) fields.push(field);
    else return undefined;
  }
  if (fields.length === 0) return undefined;
  fields.sort();
  const copy = share ? (value: unknown): unknown => value : cloneValue;
  return (document) => {
    const picked: Record<string, unknown> = {};
    for (const field of fields) {
      const value = Object.hasOwn(document, field) ? document[field] : undefined;
      if (value !== undefined) picked[field] = copy(value);
    }
    if (withId && !Object.hasOwn(picked, '_id') && Object.hasOwn(document, '_id')) picked._id = copy(document._id);
    return picked as Document;
  };
}

/** A top-level field name with no special meaning to mingo: not a path, operator, array index or prototype member. */
function isPlainFieldName(field: string): boolean {
  return field.length > 0 && !field.includes('.') && !field.startsWith('$') && !/^\d+$/.test(field) && !(field in Object.prototype);
}
