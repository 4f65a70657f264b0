import type { MemberOnDate } from '../../app/members/memberQueries';
import type { UnitLevel } from '../../domain/units/unitLevel';
import { TRANSFERS, type MembershipDocument, type TransferDocument } from '../../../projections';
import { datedLoader, idLoader, idsOf, type DatedKey } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

export type MemberCountKey = DatedKey & { level: UnitLevel; includeDescendants: boolean };

/** Per-request loaders of members: a member on a date, their history, a unit's member count, a transfer. */
export const memberLoaders = viewLoaders(({ memberQueries: members, readStore: store }) => ({
  on: datedLoader<MemberOnDate | undefined>((keys, date) => members.onDate(idsOf(keys), date), undefined),
  history: idLoader<MembershipDocument[]>((ids) => members.history(ids), []),
  count: datedLoader<number, MemberCountKey>(
    (keys, date) =>
      members.countsOn(
        keys.map((key) => ({ unitId: key.id, level: key.level })),
        date,
        keys[0].includeDescendants,
      ),
    0,
    (key) => `${key.includeDescendants}`,
  ),
  transfer: idLoader<TransferDocument | undefined>(async (ids) => {
    const found = await store.collection<TransferDocument>(TRANSFERS).find({ _id: { $in: [...ids] } });
    return new Map(found.map((transfer) => [transfer._id, transfer]));
  }, undefined),
}));
