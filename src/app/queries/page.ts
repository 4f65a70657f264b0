import { InvalidInput } from '../../domain/shared/errors';

/** One page of a list, with what a Relay connection needs. */
export interface Page<T> {
  items: T[];
  /** Cursor of each item, in the same order. */
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface PageRequest {
  first: number;
  /** Absent or null: from the start. */
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Validates `first` (API.md: default 50, max 500). */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput('PAGE.SIZE', `${field} must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, field);
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the sort key of the item they follow. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string')) return key;
  } catch {
    // fall through to the error below
  }
  throw new InvalidInput('PAGE.CURSOR', `${field} is not a cursor this list gave out`, field);
}
