import { Field, ID, ObjectType } from 'type-graphql';
import type { TransferDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { TransferStatusEnum } from './member.enums';

export type TransferStatus = keyof typeof TransferStatusEnum;

@ObjectType({ description: "A move of a member's organizational relationship from one branch to another." })
export class Transfer {
  /** The records it was read from (passed down from the root). */
  view!: ReadView;

  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  fromBranchId!: string;

  @Field(() => ID)
  toBranchId!: string;

  @Field(() => TransferStatusEnum)
  status!: TransferStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateScalar)
  requestedOn!: string;

  @Field(() => DateScalar, { description: 'The last day on which the receiving branch can answer.' })
  expiresOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was accepted, rejected, expired or cancelled.' })
  decidedOn!: string | null;
}

export function toTransfer(document: TransferDocument, view: ReadView): Transfer {
  const { _id, memberId, fromBranchId, toBranchId, status, reason, requestedOn, expiresOn, decidedOn } = document;
  return { view, id: _id, memberId, fromBranchId, toBranchId, status, reason, requestedOn, expiresOn, decidedOn };
}
