/** Names of the read-model collections; the API reads them by these names. */
export const UNITS = 'units';
export const UNIT_TIMELINES = 'unitTimelines';
export const UNIT_VERSIONS = 'unitVersions';
export const MEMBER_TIMELINES = 'memberTimelines';
export const MEMBERSHIPS = 'memberships';
export const MEMBERS = 'members';
export const TRANSFERS = 'transfers';
export const EVENT_INDEX = 'eventIndex';
export const UNIT_MEMBER_COUNTS = 'unitMemberCounts';
export const PAIRINGS = 'pairings';
export const AWARDS = 'awards';
export const GROUP_SCORES = 'groupScores';
export const APPRAISALS = 'appraisals';
export const MEETINGS = 'meetings';
export const ATTENDANCE = 'attendance';
export const OFFICER_TERMS = 'officerTerms';
