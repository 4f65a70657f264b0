import type { MemberStage } from '../../src/domain/members/memberStatus';

/** A change of a member's branch, group or stage: the state they have from `from` on. */
export type MemberTimelineChange = {
  from: string;
  branchId: string;
  groupId: string | null;
  status: MemberStage;
  recordedAt: string;
  position: string;
};

export const MEMBER_TIMELINES = 'memberTimelines';

/** Collection `memberTimelines`: a member's own facts, from which their memberships are recomputed. */
export type MemberTimelineDocument = {
  _id: string;
  name: string;
  /** In effective-date order. */
  changes: MemberTimelineChange[];
  leftOn: string | null;
  /** When the leaving was recorded; null while a member. */
  leftRecordedAt: string | null;
  position: string;
};

export const MEMBERSHIPS = 'memberships';

/**
 * Collection `memberships`: where a member belonged, and at which stage, during
 * [validFrom, validTo). A new interval starts whenever the branch, group or stage changes.
 */
export type MembershipDocument = {
  /** `${memberId}@${validFrom}` */
  _id: string;
  memberId: string;
  /** The member's name, for sorting lists of members. */
  name: string;
  branchId: string;
  groupId: string | null;
  status: MemberStage;
  validFrom: string;
  /** Exclusive; the date the member left for their last interval; null while open. */
  validTo: string | null;
  /** Of the fact that started the interval. */
  recordedAt: string;
  /**
   * Of the fact that ended the interval (the next change of branch, group or stage, or the
   * leaving); null while open. A late entry can end an interval recorded after it.
   */
  endRecordedAt: string | null;
  position: string;
  /** Index keys by branch, group and calendar year, for reads by date (see memberships.years.ts). */
  unitYears: string[];
};

/** What of a membership the unit member counts follow from. */
export type CountedInterval = Pick<MembershipDocument, 'branchId' | 'groupId' | 'validFrom' | 'validTo' | 'position'>;

/** Reads only the `CountedInterval` of memberships, as stored (not copied). */
export const COUNTED_INTERVALS = { projection: { _id: 0, branchId: 1, groupId: 1, validFrom: 1, validTo: 1, position: 1 }, readOnly: true } as const;
