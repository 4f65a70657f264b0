import type { PairingQueries } from '../../app/pairings/pairingQueries';
import type { PairingDocument } from '../../../projections';
import { datedLoader, idLoader, type DatedKey } from '../shared/datedLoader';

export type PairingsOfKey = DatedKey & { includeEnded: boolean };
export type UnitPairingsKey = DatedKey & { includeDescendants: boolean };

/** Per-request loaders of pairings: by id, of members and units on a date, of a unit's subtree. */
export function createPairingLoaders(pairings: PairingQueries) {
  return {
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
  };
}

export type PairingLoaders = ReturnType<typeof createPairingLoaders>;
