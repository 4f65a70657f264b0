import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { OFFICER_ROLES } from '../../domain/leadership/officerRole';
import type { OfficeEndReason } from '../../../projections';

export const OfficerRoleEnum = enumOf(OFFICER_ROLES);
registerEnumType(OfficerRoleEnum, {
  name: 'OfficerRole',
  description: 'An elected office. Districts, committees and branches elect SECRETARY, DEPUTY_SECRETARY and COMMITTEE_MEMBER; groups elect a GROUP_LEADER.',
  valuesConfig: {
    SECRETARY: { description: '书记: at most one per unit.' },
    DEPUTY_SECRETARY: { description: '副书记.' },
    COMMITTEE_MEMBER: { description: '委员: a member of the unit committee.' },
    GROUP_LEADER: { description: '党小组长: at most one per group.' },
  },
});

const END_REASONS: readonly OfficeEndReason[] = ['SUPERSEDED', 'RESIGNED', 'REMOVED'];
export const OfficeEndReasonEnum = enumOf(END_REASONS);
registerEnumType(OfficeEndReasonEnum, {
  name: 'OfficeEndReason',
  description: 'SUPERSEDED: the unit held a new election. RESIGNED: the officer resigned. REMOVED: the officer was removed from office.',
});
