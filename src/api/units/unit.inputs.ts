import { Field, ID, InputType } from 'type-graphql';
import type { UnitLevel } from '../../domain/units/unitLevel';
import { UnitLevelEnum } from './unit.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class EstablishUnitInput extends MutationInput {
  @Field(() => UnitLevelEnum)
  level!: UnitLevel;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unique among active units: letters, digits, `.`, `_`, `-`.' })
  code?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required except for a DISTRICT: a unit exactly one level up, active on the effective date.' })
  parentId?: string | null;
}

@InputType()
export class RenameUnitInput extends MutationInput {
  @Field(() => ID)
  unitId!: string;

  @Field()
  name!: string;
}

@InputType()
export class MoveUnitInput extends MutationInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ID, { description: 'The new parent: one level up, active on the effective date.' })
  parentId!: string;
}

@InputType()
export class DissolveUnitInput extends MutationInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
