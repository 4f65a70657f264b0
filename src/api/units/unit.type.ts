import { Field, ID, ObjectType } from 'type-graphql';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { UnitVersionDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { UnitLevelEnum } from './unit.enums';
import { ConnectionType } from '../shared/connection';

@ObjectType({
  description:
    'A unit of the organization (district, committee, branch or group) as it stood on the `asOf` date of the query; nested fields answer for the same date.',
})
export class Unit {
  /** The date every field answers for (not a GraphQL field: it is passed down from the root). */
  asOf!: string;
  /** The records every field answers from (passed down from the root, like `asOf`). */
  view!: ReadView;
  parentId!: string | null;
  ancestorIds!: string[];

  @Field(() => ID)
  id!: string;

  @Field(() => UnitLevelEnum)
  level!: UnitLevel;

  @Field({ description: 'The name on the asOf date.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short code, unique among active units.' })
  code!: string | null;

  @Field(() => DateScalar, { description: 'Since when the unit has had this name and place in the tree.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When this name and place ended; null while they hold.' })
  validTo!: string | null;
}

export function toUnit(version: UnitVersionDocument, asOf: string, view: ReadView): Unit {
  return {
    asOf,
    view,
    id: version.unitId,
    level: version.level,
    name: version.name,
    code: version.code,
    parentId: version.parentId,
    ancestorIds: version.ancestors,
    validFrom: version.validFrom,
    validTo: version.validTo,
  };
}

export const UnitConnection = ConnectionType(Unit, 'Unit');
