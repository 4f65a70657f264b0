import { Field, ID, InputType, Int } from 'type-graphql';
import type { OfficerRole } from '../../domain/leadership/officerRole';
import { DateScalar } from '../shared/dateScalar';
import { OfficerRoleEnum } from './leadership.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType({ description: 'An elected officer: a FULL member of the unit on the election day (for a committee or district, of a branch under it).' })
export class OfficerInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => OfficerRoleEnum, {
    description: 'GROUP_LEADER for a group; SECRETARY, DEPUTY_SECRETARY or COMMITTEE_MEMBER otherwise. At most one SECRETARY or GROUP_LEADER.',
  })
  role!: OfficerRole;

  @Field(() => Int, { nullable: true, description: 'Votes this officer received; not more than the ballots cast.' })
  votes?: number | null;
}

@InputType({ description: 'Ballot totals of an election.' })
export class ElectionVotesInput {
  @Field(() => Int, { nullable: true, description: 'Members entitled to vote.' })
  eligible?: number | null;

  @Field(() => Int, { nullable: true, description: 'Ballots cast; not more than `eligible`.' })
  cast?: number | null;
}

@InputType()
export class RecordElectionInput extends MutationInput {
  @Field(() => ID, { description: 'The unit that elects, active on the election day.' })
  unitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The election day: the effective date of the command. Give this or effectiveDate (or both, equal).' })
  heldOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Years of the term, 1 to 10; default 3 for a branch or group, 5 for a committee or district.' })
  termYears?: number | null;

  @Field(() => [OfficerInput], { description: 'The officers elected; the terms of the previous election end on the election day.' })
  officers!: OfficerInput[];

  @Field(() => ElectionVotesInput, { nullable: true })
  votes?: ElectionVotesInput | null;
}

@InputType()
export class LeaveOfficeInput extends MutationInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ID, { description: "A member in office in the unit's current term." })
  memberId!: string;

  @Field(() => String, { nullable: true, description: 'Why; required for a removal.' })
  reason?: string | null;
}
