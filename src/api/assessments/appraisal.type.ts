import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AppraisalGrade } from '../../domain/assessments/appraisalGrade';
import type { StandingAppraisal } from '../../app/assessments/appraisalQueries';
import type { AppraisalDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { AppraisalGradeEnum } from './appraisal.enums';

@ObjectType({ description: "A member's democratic appraisal (民主评议) for one year, as it stood on the `asOf` date of the query." })
export class Appraisal {
  /** The records it was read from (passed down from the root). */
  view!: ReadView;

  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'The year appraised.' })
  year!: number;

  @Field(() => AppraisalGradeEnum)
  grade!: AppraisalGrade;

  @Field(() => DateScalar, { description: 'Effective date of the appraisal.' })
  appraisedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The earlier appraisal of the same year this one replaced; null for the first.' })
  supersedes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The later appraisal that replaced this one, if recorded by the asOf date; null while it stands.' })
  supersededBy!: string | null;

  @Field(() => [Appraisal], {
    description: 'Earlier appraisals of the same year that this one replaced, newest first (empty on those earlier ones themselves).',
  })
  superseded!: Appraisal[];
}

/** One recorded appraisal as of `asOf` (a successor recorded after `asOf` had not happened yet). */
export function toAppraisal(document: AppraisalDocument, asOf: string, view: ReadView, superseded: readonly AppraisalDocument[] = []): Appraisal {
  const replaced = document.supersededOn !== null && document.supersededOn <= asOf;
  return {
    view,
    id: document._id,
    memberId: document.memberId,
    year: document.year,
    grade: document.grade,
    appraisedOn: document.appraisedOn,
    supersedes: document.supersedes,
    supersededBy: replaced ? document.supersededBy : null,
    superseded: superseded.map((earlier) => toAppraisal(earlier, asOf, view)),
  };
}

export function toStandingAppraisal({ appraisal, superseded }: StandingAppraisal, asOf: string, view: ReadView): Appraisal {
  return toAppraisal(appraisal, asOf, view, superseded);
}
