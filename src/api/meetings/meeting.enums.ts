import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import type { FlagReason } from '../../domain/meetings/attendanceFlags';
import type { Frequency } from '../../domain/meetings/meetingRequirements';
import { MEETING_KINDS } from '../../domain/meetings/meetingKind';

export const MeetingKindEnum = enumOf(MEETING_KINDS);
registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description: 'Kind of organizational life (三会一课, 主题党日, 组织生活会, 民主生活会).',
  valuesConfig: {
    GENERAL_ASSEMBLY: { description: '支部党员大会: held by a BRANCH, due every quarter.' },
    BRANCH_COMMITTEE: { description: '支委会: held by a BRANCH, due every month.' },
    GROUP_MEETING: { description: '党小组会: held by a GROUP, due every month.' },
    PARTY_LECTURE: { description: '党课: held by a BRANCH, due every quarter.' },
    THEME_PARTY_DAY: { description: '主题党日: held by a BRANCH, due every month; unexcused absences are flagged.' },
    ORGANIZATIONAL_LIFE: { description: '组织生活会: held by a BRANCH, due every year.' },
    DEMOCRATIC_LIFE: { description: "民主生活会: a COMMITTEE's or DISTRICT's leadership meeting (not checked for compliance)." },
  },
});

export const FlagReasonEnum = enumOf<FlagReason>(['CONSECUTIVE', 'CUMULATIVE']);
registerEnumType(FlagReasonEnum, {
  name: 'AttendanceFlagReason',
  description: 'Why a member is flagged for theme party days.',
  valuesConfig: {
    CONSECUTIVE: { description: '3 unexcused absences in a row (reported even if there were also 6 in total).' },
    CUMULATIVE: { description: '6 unexcused absences in total in the twelve months, none 3 in a row.' },
  },
});

export const MeetingFrequencyEnum = enumOf<Frequency>(['MONTHLY', 'QUARTERLY', 'YEARLY']);
registerEnumType(MeetingFrequencyEnum, {
  name: 'MeetingFrequency',
  description: 'How often a meeting is due; periods are labelled `2025-03`, `2025-Q1` and `2025`.',
});
