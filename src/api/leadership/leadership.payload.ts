import { Field, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { OfficerTerm } from './officerTerm.type';
import { Unit } from '../units/unit.type';

@ObjectType({ description: 'What an election, resignation or removal recorded: the unit and the terms it began or ended, on the effective date.' })
export class LeadershipPayload extends WriteResult {
  @Field(() => Unit, { nullable: true })
  unit!: Unit | null;

  @Field(() => [OfficerTerm], { description: 'For an election, the terms it began; for a resignation or removal, the term that ended.' })
  terms!: OfficerTerm[];

  @Field(() => Int, { description: "The version of the unit's leadership after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}
