import type { Collection } from '../../src/readstore/readStore';
import type { UnitVersionDocument } from './unitVersions.documents';

/** The stored versions of these units, by unit id, each list in `validFrom` order. */
export async function loadUnitVersions(collection: Collection<UnitVersionDocument>, unitIds: Iterable<string>): Promise<Map<string, UnitVersionDocument[]>> {
  const ids = [...new Set(unitIds)];
  const byUnit = new Map<string, UnitVersionDocument[]>();
  if (ids.length === 0) return byUnit;
  for (const version of await collection.find({ unitId: { $in: ids } }, { sort: { unitId: 1, validFrom: 1 }, readOnly: true })) {
    const list = byUnit.get(version.unitId) ?? [];
    list.push(version);
    byUnit.set(version.unitId, list);
  }
  return byUnit;
}
