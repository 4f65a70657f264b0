import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OfficerTerm } from './officerTerm.type';
import { Unit } from '../units/unit.type';

@ObjectType({ description: 'What an election, resignation or removal recorded: the unit and the terms it began or ended, on the effective date.' })
export class LeadershipPayload {
  @Field(() => Unit, { nullable: true })
  unit!: Unit | null;

  @Field(() => [OfficerTerm], { description: 'For an election, the terms it began; for a resignation or removal, the term that ended.' })
  terms!: OfficerTerm[];

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the unit's leadership after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}
