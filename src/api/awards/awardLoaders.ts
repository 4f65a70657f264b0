import type { AwardDocument } from '../../../projections';
import { datedLoader, idLoader, type DatedKey } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

export type RecipientAwardsKey = DatedKey & { includeRevoked: boolean };

/** Per-request loaders of awards: by id, and the awards of members and units on a date. */
export const awardLoaders = viewLoaders(({ awardQueries: awards }) => ({
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
}));
