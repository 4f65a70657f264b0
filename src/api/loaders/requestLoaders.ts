import type { MemberOnDate, MemberQueries } from '../../app/queries/memberQueries';
import type { UnitQueries } from '../../app/queries/unitQueries';
import type { UnitLevel } from '../../domain/unit/unitLevel';
import type { ReadStore } from '../../readstore/readStore';
import { EVENT_INDEX, TRANSFERS, type EventIndexDocument, type MembershipDocument, type TransferDocument, type UnitDocument, type UnitVersionDocument } from '../../../projections';
import { AwardQueries } from '../../app/queries/awardQueries';
import { createAwardLoaders } from './awardLoaders';
import { LeadershipQueries } from '../../app/queries/leadershipQueries';
import { createLeadershipLoaders } from './leadershipLoaders';
import { AppraisalQueries } from '../../app/queries/appraisalQueries';
import { GroupScoreQueries } from '../../app/queries/groupScoreQueries';
import { createAssessmentLoaders } from './assessmentLoaders';
import { PairingQueries } from '../../app/queries/pairingQueries';
import { createPairingLoaders } from './pairingLoaders';
import { MeetingQueries } from '../../app/queries/meetingQueries';
import { createMeetingLoaders } from './meetingLoaders';
import { datedLoader, idLoader, type DatedKey } from './datedLoader';

export type MemberCountKey = DatedKey & { level: UnitLevel; includeDescendants: boolean };

/** Every by-id read of one request goes through these loaders (batched, cached for the request). */
export function createRequestLoaders(units: UnitQueries, members: MemberQueries, store: ReadStore) {
  return {
    awards: createAwardLoaders(new AwardQueries(store)),
    leadership: createLeadershipLoaders(new LeadershipQueries(store)),
    assessments: createAssessmentLoaders(new GroupScoreQueries(store, units), new AppraisalQueries(store)),
    meetings: createMeetingLoaders(new MeetingQueries(store)),
    pairings: createPairingLoaders(new PairingQueries(store)),
    unitOn: datedLoader<UnitVersionDocument | undefined>((keys, date) => units.versionsOn(idsOf(keys), date), undefined),
    unitCurrent: idLoader<UnitDocument | undefined>((ids) => units.current(ids), undefined),
    childrenOn: datedLoader<UnitVersionDocument[]>((keys, date) => units.childrenOn(idsOf(keys), date), []),
    unitHistory: idLoader<UnitVersionDocument[]>((ids) => units.history(ids), []),
    memberCount: datedLoader<number, MemberCountKey>(
      (keys, date) => members.countsOn(keys.map((key) => ({ unitId: key.id, level: key.level })), date, keys[0]!.includeDescendants),
      0,
      (key) => `${key.includeDescendants}`,
    ),
    memberOn: datedLoader<MemberOnDate | undefined>((keys, date) => members.onDate(idsOf(keys), date), undefined),
    memberHistory: idLoader<MembershipDocument[]>((ids) => members.history(ids), []),
    eventById: idLoader<EventIndexDocument | undefined>(async (ids) => {
      const found = await store.collection<EventIndexDocument>(EVENT_INDEX).find({ eventId: { $in: [...ids] } });
      return new Map(found.map((event) => [event.eventId, event]));
    }, undefined),
    transfer: idLoader<TransferDocument | undefined>(async (ids) => {
      const found = await store.collection<TransferDocument>(TRANSFERS).find({ _id: { $in: [...ids] } });
      return new Map(found.map((transfer) => [transfer._id, transfer]));
    }, undefined),
  };
}

const idsOf = (keys: readonly DatedKey[]): string[] => keys.map((key) => key.id);

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
