import type { UnitLevel } from '../units/unitLevel';

/**
 * Titles from the source documents (DOMAIN.md "Award"), plus OTHER with a free label for the
 * local and one-off titles a committee may give.
 */
export const AWARD_TITLES = ['OUTSTANDING_MEMBER', 'OUTSTANDING_PARTY_WORKER', 'ADVANCED_GRASSROOTS_ORGANIZATION', 'RED_FLAG_GROUP', 'OTHER'] as const;
export type AwardTitle = (typeof AWARD_TITLES)[number];

export const RECIPIENT_KINDS = ['MEMBER', 'UNIT'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Who may receive each title: members, or units of the listed levels. */
export type TitleEligibility = { kind: 'MEMBER' } | { kind: 'UNIT'; levels: readonly UnitLevel[] } | { kind: 'ANY' };

export function eligibilityOf(title: AwardTitle): TitleEligibility {
  switch (title) {
    case 'OUTSTANDING_MEMBER':
    case 'OUTSTANDING_PARTY_WORKER':
      return { kind: 'MEMBER' };
    // 先进基层党组织: a branch, or a committee / general branch at the grassroots; a group is not an organization of its own.
    case 'ADVANCED_GRASSROOTS_ORGANIZATION':
      return { kind: 'UNIT', levels: ['COMMITTEE', 'BRANCH'] };
    case 'RED_FLAG_GROUP':
      return { kind: 'UNIT', levels: ['GROUP'] };
    case 'OTHER':
      return { kind: 'ANY' };
    default: {
      const unknown: never = title;
      throw new Error(`Unexpected award title: ${String(unknown)}`);
    }
  }
}
