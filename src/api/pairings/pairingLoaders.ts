import type { PairingDocument } from '../../../projections';
import { datedLoader, idLoader, type DatedKey } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

export type PairingsOfKey = DatedKey & { includeEnded: boolean };
export type UnitPairingsKey = DatedKey & { includeDescendants: boolean };

/** Per-request loaders of pairings: by id, of members and units on a date, of a unit's subtree. */
export const pairingLoaders = viewLoaders(({ pairingQueries: pairings }) => ({
  pairingById: idLoader<PairingDocument | undefined>((ids) => pairings.byIds(ids), undefined),
  pairingsOf: datedLoader<PairingDocument[], PairingsOfKey>(
    (keys, date) =>
      pairings.of(
        keys.map((key) => key.id),
        date,
        keys[0].includeEnded,
      ),
    [],
    (key) => `${key.includeEnded}`,
  ),
  pairingsOfUnit: datedLoader<PairingDocument[], UnitPairingsKey>(
    (keys, date) =>
      pairings.ofUnits(
        keys.map((key) => key.id),
        date,
        keys[0].includeDescendants,
      ),
    [],
    (key) => `${key.includeDescendants}`,
  ),
}));
