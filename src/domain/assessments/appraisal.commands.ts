import type { CommandTime } from '../shared/commandTime';

/** What the appraisal rules need to know about the member, from the member's own stream. */
export interface AppraisedMember {
  memberId: string;
  name: string;
  registeredOn: string;
  /** The political birthday; null when the member never became PROBATIONARY. */
  joinedOn: string | null;
  leftOn: string | null;
  /** The branch on the effective date, or the last one if they had left by then. */
  branchId: string;
}

export type RecordAppraisal = CommandTime & {
  type: 'RecordAppraisal';
  appraisalId: string;
  memberId: string;
  /** Null when `memberId` names no member. */
  member: AppraisedMember | null;
  year: number;
  grade: string;
};

export type AppraisalCommand = RecordAppraisal;
