import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OfficerRole } from '../../domain/leadership/officerRole';
import type { OfficeEndReason, OfficerTermDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { OfficeEndReasonEnum, OfficerRoleEnum } from './leadership.enums';

@ObjectType({ description: "One officer's term from one election of a unit, as it stood on the `asOf` date of the query." })
export class OfficerTerm {
  asOf!: string;
  view!: ReadView;
  unitId!: string;
  memberId!: string;

  @Field(() => ID, { description: 'The term: election and member.' })
  id!: string;

  @Field(() => ID, { description: 'The election the officer was elected in.' })
  electionId!: string;

  @Field(() => OfficerRoleEnum, { description: 'The office held.' })
  role!: OfficerRole;

  @Field(() => Int, { nullable: true, description: 'Votes the officer received, when reported.' })
  votes!: number | null;

  @Field(() => DateScalar, { description: 'The day of the election.' })
  heldOn!: string;

  @Field(() => Int, { description: 'Length of the term in years, as decided at the election.' })
  termYears!: number;

  @Field(() => DateScalar, { description: 'The day the term runs out: the next election is due by then.' })
  termEndsOn!: string;

  @Field({ description: 'True when the term ran out before the asOf date and the officer is still in office: the unit has held no new election.' })
  lapsed!: boolean;

  @Field(() => DateScalar, { description: 'Start of the validity interval: the election day.' })
  validFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'End of the validity interval, exclusive, as recorded now: the next election, a resignation or a removal; null while in office.',
  })
  validTo!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the officer left office, if that was on or before the asOf date.' })
  endedOn!: string | null;

  @Field(() => OfficeEndReasonEnum, { nullable: true, description: 'Why the officer left office; null unless `endedOn` is set.' })
  endReason!: OfficeEndReason | null;

  @Field(() => String, { nullable: true, description: 'The reason given with a resignation or removal; null unless `endedOn` is set.' })
  endNote!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the election that started the term was recorded.' })
  recordedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the fact that ended the term (the next election, a resignation or a removal) was recorded, as recorded now like `validTo`; null while in office.',
  })
  endRecordedAt!: string | null;
}

/** The term as of `asOf`: a resignation, removal or election after that date had not happened yet. */
export function toOfficerTerm(document: OfficerTermDocument, asOf: string, view: ReadView): OfficerTerm {
  const ended = document.validTo !== null && document.validTo <= asOf;
  return {
    asOf,
    view,
    unitId: document.unitId,
    memberId: document.memberId,
    id: document._id,
    electionId: document.electionId,
    role: document.role,
    votes: document.votes,
    heldOn: document.heldOn,
    termYears: document.termYears,
    termEndsOn: document.termEndsOn,
    lapsed: !ended && document.termEndsOn < asOf,
    validFrom: document.validFrom,
    validTo: document.validTo,
    endedOn: ended ? document.validTo : null,
    endReason: ended ? document.endReason : null,
    endNote: ended ? document.endNote : null,
    recordedAt: document.recordedAt,
    endRecordedAt: document.endRecordedAt,
  };
}
