import type { LeadershipQueries } from '../../app/leadership/leadershipQueries';
import type { OfficerTermDocument } from '../../../projections';
import { datedLoader } from '../shared/datedLoader';

/** Per-request loaders of officer terms: a unit's officers and a member's offices on a date. */
export function createLeadershipLoaders(leadership: LeadershipQueries) {
  return {
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
  };
}

export type LeadershipLoaders = ReturnType<typeof createLeadershipLoaders>;
