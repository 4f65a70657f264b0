import type { MemberOnDate } from '../../app/members/memberQueries';
import type { QuerySet } from '../../app/queries/querySet';
import type { UnitLevel } from '../../domain/units/unitLevel';
import {
  EVENT_INDEX,
  TRANSFERS,
  type EventIndexDocument,
  type MembershipDocument,
  type TransferDocument,
  type UnitDocument,
  type UnitVersionDocument,
} from '../../../projections';
import { createAwardLoaders } from '../awards/awardLoaders';
import { createLeadershipLoaders } from '../leadership/leadershipLoaders';
import { createAssessmentLoaders } from '../assessments/assessmentLoaders';
import { createPairingLoaders } from '../pairings/pairingLoaders';
import { createMeetingLoaders } from '../meetings/meetingLoaders';
import { datedLoader, idLoader, type DatedKey } from './datedLoader';

export type MemberCountKey = DatedKey & { level: UnitLevel; includeDescendants: boolean };

/** Every by-id read of one request goes through these loaders (batched, cached for the request). */
export function createRequestLoaders(queries: QuerySet) {
  const { unitQueries: units, memberQueries: members, readStore: store } = queries;
  return {
    awards: createAwardLoaders(queries.awardQueries),
    leadership: createLeadershipLoaders(queries.leadershipQueries),
    assessments: createAssessmentLoaders(queries.groupScoreQueries, queries.appraisalQueries),
    meetings: createMeetingLoaders(queries.meetingQueries),
    pairings: createPairingLoaders(queries.pairingQueries),
    unitOn: datedLoader<UnitVersionDocument | undefined>((keys, date) => units.versionsOn(idsOf(keys), date), undefined),
    unitCurrent: idLoader<UnitDocument | undefined>((ids) => units.current(ids), undefined),
    childrenOn: datedLoader<UnitVersionDocument[]>((keys, date) => units.childrenOn(idsOf(keys), date), []),
    unitHistory: idLoader<UnitVersionDocument[]>((ids) => units.history(ids), []),
    memberCount: datedLoader<number, MemberCountKey>(
      (keys, date) =>
        members.countsOn(
          keys.map((key) => ({ unitId: key.id, level: key.level })),
          date,
          keys[0].includeDescendants,
        ),
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
