import { eventTypesOf } from '../aggregate';
import type { AppraisalGrade } from './appraisalGrade';

/**
 * Events of stream `appraisal-<memberId>`: the member's yearly appraisals. A second appraisal
 * for a year records a new one that names the one it supersedes; the old one stays readable.
 */
export type MemberAppraised = {
  type: 'MemberAppraised';
  data: {
    /** Id of this appraisal record. */
    appraisalId: string;
    memberId: string;
    year: number;
    grade: AppraisalGrade;
    /** The appraisal of the same year this one replaces; null for the year's first. */
    supersedes: string | null;
    /** The member's branch on the day the appraisal took effect (their last one, if they had left). */
    branchId: string | null;
  };
};

export type AppraisalEvent = MemberAppraised;

export const appraisalStream = (memberId: string): string => `appraisal-${memberId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const appraisalEventTypes = eventTypesOf<AppraisalEvent>({ MemberAppraised: true });
