import type { AppraisalGrade } from '../../src/domain/assessments/appraisalGrade';

export const APPRAISALS = 'appraisals';

/**
 * Collection `appraisals`: one document per recorded appraisal of a member for a year. A second
 * appraisal of the year is a new document; the one it replaced gets `supersededBy` and `supersededOn`.
 */
export type AppraisalDocument = {
  _id: string;
  memberId: string;
  year: number;
  grade: AppraisalGrade;
  /** Effective date of the appraisal. */
  appraisedOn: string;
  branchId: string | null;
  supersedes: string | null;
  /** The appraisal that replaced this one, and from when; null while it stands. */
  supersededBy: string | null;
  supersededOn: string | null;
  recordedAt: string;
  position: string;
  /** Revision of the member's appraisal stream after this appraisal. */
  version: number;
};
