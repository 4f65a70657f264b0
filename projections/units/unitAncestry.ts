import { lastStartedOn } from '../shared/temporal';
import type { UnitVersionDocument } from './unitVersions.documents';

/**
 * `unitIds` and all their ancestors as they stood on `date`, each unit after its ancestors.
 * A unit not in force on `date` (dissolved, or not yet known) answers with its nearest version.
 */
export function withAncestorsOn(unitIds: readonly string[], date: string, versionsOf: (unitId: string) => readonly UnitVersionDocument[]): string[] {
  if (unitIds.length === 1) {
    // The commonest case, one unit: its ancestors (distinct, none of them itself) and itself, without a Set.
    const [unitId] = unitIds;
    const versions = versionsOf(unitId);
    const ancestors = (lastStartedOn(versions, date) ?? versions[0])?.ancestors ?? [];
    if (!ancestors.includes(unitId) && distinct(ancestors)) return [...ancestors, unitId];
  }
  const ids = new Set<string>();
  for (const unitId of unitIds) {
    const versions = versionsOf(unitId);
    const version = lastStartedOn(versions, date) ?? versions[0];
    for (const ancestor of version?.ancestors ?? []) ids.add(ancestor);
    ids.add(unitId);
  }
  return [...ids];
}

/** Whether no id is listed twice (a few ancestors: pairs compared). */
function distinct(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return false;
  return true;
}
