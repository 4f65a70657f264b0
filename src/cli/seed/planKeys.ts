/** Plan-local keys (`u12`, `m345`, `t7`) by which a seed plan names what its commands create. */
export type UnitKey = string;
export type MemberKey = string;
export type TransferKey = string;
export type AwardKey = string;
export type MeetingKey = string;
export type PairingKey = string;
export type GroupScoreKey = string;
export type AppraisalKey = string;
