import type { UnitLevel } from '../units/unitLevel';

/** Kinds of organizational life (DOMAIN.md "Meetings": 三会一课, 主题党日, 组织生活会, 民主生活会). */
export const MEETING_KINDS = [
  'GENERAL_ASSEMBLY',
  'BRANCH_COMMITTEE',
  'GROUP_MEETING',
  'PARTY_LECTURE',
  'THEME_PARTY_DAY',
  'ORGANIZATIONAL_LIFE',
  'DEMOCRATIC_LIFE',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * The level of unit that holds each kind: a group holds its group meeting; a branch its general
 * assembly, committee meeting, lecture, theme party day and organizational life meeting; the
 * democratic life meeting is the leadership's of a committee or district.
 */
export function levelsHolding(kind: MeetingKind): readonly UnitLevel[] {
  switch (kind) {
    case 'GROUP_MEETING':
      return ['GROUP'];
    case 'GENERAL_ASSEMBLY':
    case 'BRANCH_COMMITTEE':
    case 'PARTY_LECTURE':
    case 'THEME_PARTY_DAY':
    case 'ORGANIZATIONAL_LIFE':
      return ['BRANCH'];
    case 'DEMOCRATIC_LIFE':
      return ['COMMITTEE', 'DISTRICT'];
    default: {
      const unknown: never = kind;
      throw new Error(`Unexpected meeting kind: ${String(unknown)}`);
    }
  }
}

/** How a listed member took part. */
export const ATTENDANCE_OUTCOMES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];
