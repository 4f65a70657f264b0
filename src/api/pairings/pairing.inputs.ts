import { Field, ID, InputType } from 'type-graphql';
import type { CounterpartKind, PairingKind } from '../../domain/pairings/pairingKind';
import { DateScalar } from '../shared/dateScalar';
import { CounterpartKindEnum, PairingKindEnum } from './pairing.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType({ description: 'A member or unit by `id` (kind MEMBER or UNIT), or an outside party by `name` (VILLAGE, COMMUNITY, HOUSEHOLD, OTHER).' })
export class CounterpartInput {
  @Field(() => CounterpartKindEnum)
  kind!: CounterpartKind;

  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Spacing, full-width forms and letter case do not matter: "张家村" and " 张家村" are one village.' })
  name?: string | null;
}

@InputType()
export class AssignPairingInput extends MutationInput {
  @Field(() => PairingKindEnum)
  kind!: PairingKind;

  @Field(() => ID, { description: 'The member (or, for ASSISTANCE, the unit) that is paired; active on the start date.' })
  memberOrUnitId!: string;

  @Field(() => CounterpartInput)
  counterpart!: CounterpartInput;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day of the pairing: the effective date of the command. Give this or effectiveDate (or both, equal).',
  })
  startOn?: string | null;
}

@InputType()
export class EndPairingInput extends MutationInput {
  @Field(() => ID)
  pairingId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
