import type { OfficerTermDocument } from '../../../projections';
import { datedLoader } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

/** Per-request loaders of officer terms: a unit's officers and a member's offices on a date. */
export const leadershipLoaders = viewLoaders(({ leadershipQueries: leadership }) => ({
  officersOf: datedLoader<OfficerTermDocument[]>(
    (keys, date) =>
      leadership.officersOf(
        keys.map((key) => key.id),
        date,
      ),
    [],
  ),
  officesOf: datedLoader<OfficerTermDocument[]>(
    (keys, date) =>
      leadership.officesOf(
        keys.map((key) => key.id),
        date,
      ),
    [],
  ),
}));
