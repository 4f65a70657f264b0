import { lastStartedOn } from '../shared/temporal';
import type { UnitVersionDocument } from './unitVersions.documents';

/**
 * `unitIds` and all their ancestors as they stood on `date`, each unit after its ancestors.
 * A unit not in force on `date` (dissolved, or not yet known) answers with its nearest version.
 */
export function withAncestorsOn(unitIds: readonly string[], date: string, versionsOf: (unitId: string) => readonly UnitVersionDocument[]): string[] {
  const ids = new Set<string>();
  for (const unitId of unitIds) {
    const versions = versionsOf(unitId);
    const version = lastStartedOn(versions, date) ?? versions[0];
    for (const ancestor of version?.ancestors ?? []) ids.add(ancestor);
    ids.add(unitId);
  }
  return [...ids];
}
