import { projectionVersion, type Projection } from '../../../projections/shared/projection';
import type { SavedProjection } from './snapshotMeta';

/**
 * The projections whose saved read models cannot be kept, in the order of `projections`: those
 * saved under another version (or not saved at all: added since), and those that read the
 * collections of one of them (what they made of its old documents is stale too).
 */
export function staleProjections(projections: readonly Projection[], saved: readonly SavedProjection[]): Projection[] {
  const savedVersions = new Map(saved.map((projection) => [projection.name, projection.version]));
  const stale = new Set<Projection>();
  const staleCollections = new Set<string>();
  // Readers come after what they read (allProjections' order), so one pass sees every cascade.
  for (const projection of projections) {
    const changed = savedVersions.get(projection.name) !== projectionVersion(projection);
    const readsStale = (projection.reads ?? []).some((collection) => staleCollections.has(collection));
    if (!changed && !readsStale) continue;
    stale.add(projection);
    for (const collection of projection.collections) staleCollections.add(collection);
  }
  return projections.filter((projection) => stale.has(projection));
}
