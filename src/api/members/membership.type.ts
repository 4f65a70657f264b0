import { Field, ID, ObjectType } from 'type-graphql';
import type { MemberStatus } from '../../domain/members/memberStatus';
import type { MembershipDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { MemberStatusEnum } from './member.enums';

@ObjectType({ description: "One interval of a member's history: their branch, group and stage during [validFrom, validTo)." })
export class Membership {
  /** The records it was read from (passed down from the root). */
  view!: ReadView;

  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => ID, { description: 'The branch during the interval.' })
  branchId!: string;

  @Field(() => ID, { nullable: true, description: 'The group during the interval, if any.' })
  groupId!: string | null;

  @Field(() => MemberStatusEnum, { description: 'The stage during the interval.' })
  status!: MemberStatus;

  @Field(() => DateScalar, { description: 'Effective date the interval starts (inclusive).' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Effective date it ends (exclusive): the next change or the day the member left; null while open.' })
  validTo!: string | null;

  @Field(() => DateTimeScalar, {
    description: 'When the fact that started the interval (registration, stage advance, transfer or group assignment) was recorded.',
  })
  recordedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the fact that ended the interval (the member's next change or their leaving) was recorded; null while open. A late entry may have been recorded before the interval it ends.",
  })
  endRecordedAt!: string | null;
}

export function toMembership(document: MembershipDocument, view: ReadView): Membership {
  const { memberId, branchId, groupId, status, validFrom, validTo, recordedAt, endRecordedAt } = document;
  return { view, memberId, branchId, groupId, status, validFrom, validTo, recordedAt, endRecordedAt };
}
