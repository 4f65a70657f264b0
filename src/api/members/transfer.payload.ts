import { Field, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Member } from './member.type';
import { Transfer } from './transfer.type';

@ObjectType({ description: 'What a transfer mutation recorded, with the transfer and its member.' })
export class TransferPayload extends WriteResult {
  @Field(() => Transfer, { nullable: true })
  transfer!: Transfer | null;

  @Field(() => Member, { nullable: true })
  member!: Member | null;
}
