import { API_KEYS, type ApiKeyDocument } from '../../../projections/access';
import type { ReadStore } from '../../readstore/readStore';

/** The API keys as projected: found by id when a request presents one. */
export class ApiKeyQueries {
  constructor(private readonly readStore: ReadStore) {}

  byId(keyId: string): Promise<ApiKeyDocument | null> {
    return this.readStore.collection<ApiKeyDocument>(API_KEYS).findOne({ _id: keyId });
  }
}
