import { MongoBulkWriteError, MongoServerError, type WriteError } from 'mongodb';
import { DuplicateKeyError } from '../readStore';

const DUPLICATE_KEY = 11000;

/** Runs a driver call, turning MongoDB's duplicate key error (11000) into the port's `DuplicateKeyError`. */
export async function translated<R>(collection: string, call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
      const { message, keyValue } = details(error);
      const index = /index: (\S+) dup key/.exec(message)?.[1] ?? 'unknown';
      throw new DuplicateKeyError(collection, index, isRecord(keyValue) ? { ...keyValue } : {});
    }
    throw error;
  }
}

// A bulk write reports the duplicate on its first write error rather than on itself.
function details(error: MongoServerError): { message: string; keyValue: unknown } {
  const writeError = error instanceof MongoBulkWriteError ? firstWriteError(error) : undefined;
  if (writeError === undefined) {
    const keyValue: unknown = error.keyValue;
    return { message: error.message, keyValue };
  }
  const raw: unknown = writeError.err;
  return { message: writeError.errmsg ?? error.message, keyValue: isRecord(raw) ? raw.keyValue : undefined };
}

function firstWriteError(error: MongoBulkWriteError): WriteError | undefined {
  const { writeErrors } = error;
  const list = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as readonly WriteError[];
  return list[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
