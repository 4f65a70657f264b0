import { Field, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Unit } from './unit.type';

@ObjectType({ description: 'What a unit mutation recorded, and the unit as it stands on the effective date.' })
export class UnitPayload extends WriteResult {
  @Field(() => Unit, { nullable: true })
  unit!: Unit | null;
}
