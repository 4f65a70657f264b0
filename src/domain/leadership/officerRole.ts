import type { UnitLevel } from '../units/unitLevel';

/** Offices a unit elects (DOMAIN.md "Election"): a unit's committee, or a group's leader. */
export const OFFICER_ROLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'GROUP_LEADER'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Roles of which a unit has at most one at a time. */
export const SINGLE_HOLDER_ROLES: readonly OfficerRole[] = ['SECRETARY', 'GROUP_LEADER'];

/** A group elects its leader (党小组长); every other level elects a committee around a secretary. */
export function rolesFor(level: UnitLevel): readonly OfficerRole[] {
  return level === 'GROUP' ? ['GROUP_LEADER'] : ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'];
}

/** Branch committees and groups serve 3 years, higher committees 5 ("按期进行换届选举"). */
export function defaultTermYears(level: UnitLevel): number {
  return level === 'BRANCH' || level === 'GROUP' ? 3 : 5;
}

export const MAX_TERM_YEARS = 10;
