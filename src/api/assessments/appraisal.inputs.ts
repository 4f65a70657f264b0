import { Field, ID, InputType, Int } from 'type-graphql';
import type { AppraisalGrade } from '../../domain/assessments/appraisalGrade';
import { AppraisalGradeEnum } from './appraisal.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class RecordAppraisalInput extends MutationInput {
  @Field(() => ID, { description: 'A member who was a party member (PROBATIONARY or FULL) on at least one day of the year.' })
  memberId!: string;

  @Field(() => Int, { description: 'The year appraised, not after this year; the effective date is not before its 1 January.' })
  year!: number;

  @Field(() => AppraisalGradeEnum)
  grade!: AppraisalGrade;
}
