import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { APPRAISAL_GRADES } from '../../domain/assessments/appraisalGrade';

export const AppraisalGradeEnum = enumOf(APPRAISAL_GRADES);
registerEnumType(AppraisalGradeEnum, {
  name: 'AppraisalGrade',
  description: 'Grade of the yearly democratic appraisal of a member (民主评议党员).',
  valuesConfig: {
    EXCELLENT: { description: '优秀' },
    QUALIFIED: { description: '合格' },
    BASICALLY_QUALIFIED: { description: '基本合格' },
    UNQUALIFIED: { description: '不合格' },
  },
});
