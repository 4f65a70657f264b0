import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { AWARD_TITLES, RECIPIENT_KINDS } from '../../domain/awards/awardTitle';

export const AwardTitleEnum = enumOf(AWARD_TITLES);
registerEnumType(AwardTitleEnum, {
  name: 'AwardTitle',
  description: 'Title of an award (表彰).',
  valuesConfig: {
    OUTSTANDING_MEMBER: { description: '优秀共产党员: for a PROBATIONARY or FULL member.' },
    OUTSTANDING_PARTY_WORKER: { description: '优秀党务工作者: for a PROBATIONARY or FULL member doing organization work.' },
    ADVANCED_GRASSROOTS_ORGANIZATION: { description: '先进基层党组织: for a COMMITTEE or BRANCH.' },
    RED_FLAG_GROUP: { description: '红旗党小组: for a GROUP, chosen each quarter by score.' },
    OTHER: { description: 'Any other title, named in `otherTitle`; for members and units.' },
  },
});

export const AwardRecipientKindEnum = enumOf(RECIPIENT_KINDS);
registerEnumType(AwardRecipientKindEnum, { name: 'AwardRecipientKind', description: 'Whether an award went to a member or to a unit.' });
