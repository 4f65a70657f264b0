/** Stages of membership in order (DOMAIN.md "Members and their stages"), then LEFT. */
export const MEMBER_STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
export type MemberStage = (typeof MEMBER_STAGES)[number];
export type MemberStatus = MemberStage | 'LEFT';
export const MEMBER_STATUSES: readonly MemberStatus[] = [...MEMBER_STAGES, 'LEFT'];

export const LEAVE_REASONS = ['DIED', 'WITHDREW', 'EXPELLED', 'OTHER'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** The stage after `stage`, or undefined for a full member. */
export function nextStage(stage: MemberStage): MemberStage | undefined {
  return MEMBER_STAGES[MEMBER_STAGES.indexOf(stage) + 1];
}
