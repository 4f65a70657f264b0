import type { AwardQueries } from '../../app/awards/awardQueries';
import type { AwardDocument } from '../../../projections';
import { datedLoader, idLoader, type DatedKey } from '../shared/datedLoader';

export type RecipientAwardsKey = DatedKey & { includeRevoked: boolean };

/** Per-request loaders of awards: by id, and the awards of members and units on a date. */
export function createAwardLoaders(awards: AwardQueries) {
  return {
    awardById: idLoader<AwardDocument | undefined>((ids) => awards.byIds(ids), undefined),
    awardsOf: datedLoader<AwardDocument[], RecipientAwardsKey>(
      (keys, date) =>
        awards.ofRecipients(
          keys.map((key) => key.id),
          date,
          keys[0].includeRevoked,
        ),
      [],
      (key) => `${key.includeRevoked}`,
    ),
  };
}

export type AwardLoaders = ReturnType<typeof createAwardLoaders>;
