import { Field, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Member } from './member.type';

@ObjectType({ description: 'What a member mutation recorded, and the member as they stand on the effective date.' })
export class MemberPayload extends WriteResult {
  @Field(() => Member, { nullable: true })
  member!: Member | null;
}
