import type { DuesPolicy } from '../../domain/dues/duesPolicy';
import type { ReadStore } from '../../readstore/readStore';
import { appFeatures, type FeatureQueries } from '../features';

/**
 * Every query service over one set of read models: the live ones, or an ephemeral copy built
 * from the log as it was recorded at some moment (`knownAt`). The same code answers both.
 */
export interface QuerySet extends FeatureQueries {
  readStore: ReadStore;
}

export function createQuerySet(readStore: ReadStore, duesPolicy: DuesPolicy): QuerySet {
  return { readStore, ...appFeatures.queries({ readStore, duesPolicy }) };
}
