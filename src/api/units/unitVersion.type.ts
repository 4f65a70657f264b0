import { Field, ID, ObjectType } from 'type-graphql';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { UnitVersionDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { UnitLevelEnum } from './unit.enums';

@ObjectType({ description: "One interval of a unit's history: its name, level and place in the tree during [validFrom, validTo)." })
export class UnitVersion {
  /** The records it was read from (passed down from the root). */
  view!: ReadView;

  @Field(() => ID, { description: 'The unit.' })
  unitId!: string;

  @Field(() => UnitLevelEnum, { description: 'The level of the unit.' })
  level!: UnitLevel;

  @Field({ description: 'The name during the interval.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The short code of the unit, if any.' })
  code!: string | null;

  @Field(() => ID, { nullable: true, description: 'The parent during the interval.' })
  parentId!: string | null;

  @Field(() => [ID], { description: 'Ids from the root down to the parent, during the interval.' })
  ancestorIds!: string[];

  @Field(() => DateScalar, { description: 'Effective date the interval starts (inclusive).' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Effective date it ends (exclusive); null while open.' })
  validTo!: string | null;

  @Field(() => DateTimeScalar, { description: "When the fact that started the interval (the unit's own change or an ancestor's move) was recorded." })
  recordedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the fact that ended the interval (the unit's next change, an ancestor's move or the dissolution) was recorded; null while open. A late entry may have been recorded before the interval it ends.",
  })
  endRecordedAt!: string | null;
}

export function toUnitVersion(version: UnitVersionDocument, view: ReadView): UnitVersion {
  const { unitId, level, name, code, parentId, ancestors, validFrom, validTo, recordedAt, endRecordedAt } = version;
  return { view, unitId, level, name, code, parentId, ancestorIds: ancestors, validFrom, validTo, recordedAt, endRecordedAt };
}
