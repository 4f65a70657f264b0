import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { MemberStatus } from '../../domain/member/memberStatus';
import type { MembershipDocument } from '../../../projections';
import { DateScalar } from '../scalars/dateScalar';
import { MemberStatusEnum } from './enums';

@ObjectType({ description: "One interval of a member's history: their branch, group and stage during [validFrom, validTo)." })
export class Membership {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { description: 'The branch during the interval.' })
  branchId!: string;

  @Field(() => ID, { nullable: true, description: 'The group during the interval, if any.' })
  groupId!: string | null;

  @Field(() => MemberStatusEnum)
  status!: MemberStatus;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the fact that started the interval was recorded.' })
  recordedAt!: string;
}

export function toMembership(document: MembershipDocument): Membership {
  const { memberId, branchId, groupId, status, validFrom, validTo, recordedAt } = document;
  return { memberId, branchId, groupId, status, validFrom, validTo, recordedAt };
}
