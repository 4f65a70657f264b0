import { Field, ID, ObjectType } from 'type-graphql';
import type { MemberStatus } from '../../domain/members/memberStatus';
import type { MemberOnDate } from '../../app/members/memberQueries';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { MemberStatusEnum } from './member.enums';
import { ConnectionType } from '../shared/connection';

@ObjectType({ description: 'A member as they stood on the `asOf` date of the query.' })
export class Member {
  asOf!: string;
  view!: ReadView;
  branchId!: string | null;
  groupId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => MemberStatusEnum, { description: 'The stage on the asOf date, or LEFT.' })
  status!: MemberStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The political birthday: the day of admission as a probationary member.' })
  joinedOn!: string | null;

  @Field(() => DateScalar, { description: 'Effective date of registration in the organization.' })
  registeredOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the member left, if they had left by the asOf date.' })
  leftOn!: string | null;
}

export function toMember({ member, membership, status }: MemberOnDate, asOf: string, view: ReadView): Member {
  return {
    asOf,
    view,
    id: member._id,
    name: member.name,
    status,
    joinedOn: member.joinedOn && member.joinedOn <= asOf ? member.joinedOn : null,
    registeredOn: member.registeredOn,
    leftOn: status === 'LEFT' ? member.leftOn : null,
    branchId: membership?.branchId ?? null,
    groupId: membership?.groupId ?? null,
  };
}

export const MemberConnection = ConnectionType(Member, 'Member');
