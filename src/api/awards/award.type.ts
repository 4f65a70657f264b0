import { Field, ID, ObjectType } from 'type-graphql';
import type { AwardTitle, RecipientKind } from '../../domain/awards/awardTitle';
import type { AwardDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { AwardRecipientKindEnum, AwardTitleEnum } from './award.enums';

@ObjectType({ description: 'An award (表彰) to a member or a unit, as it stood on the `asOf` date of the query.' })
export class Award {
  /** The date the award is shown for (passed down from the root). */
  asOf!: string;
  view!: ReadView;
  grantedById!: string;

  @Field(() => ID, { description: 'The award.' })
  id!: string;

  @Field(() => AwardTitleEnum, { description: 'The title awarded.' })
  title!: AwardTitle;

  @Field(() => String, { nullable: true, description: 'The name of the title when `title` is OTHER; null otherwise.' })
  otherTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the award was given, as the granting unit wrote it.' })
  citation!: string | null;

  @Field(() => DateScalar, { description: 'The day the award was granted.' })
  grantedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was revoked, if that was on or before the asOf date.' })
  revokedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; null unless `revokedOn` is set.' })
  revokeReason!: string | null;

  @Field(() => AwardRecipientKindEnum, { description: 'MEMBER: see `memberRecipient`; UNIT: see `unitRecipient`.' })
  recipientKind!: RecipientKind;

  @Field(() => ID, { description: 'Id of the member or unit that received the award.' })
  recipientId!: string;

  @Field(() => DateTimeScalar, { description: 'When the grant was recorded.' })
  recordedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the revocation was recorded; null unless `revokedOn` is set.' })
  endRecordedAt!: string | null;
}

/** The award as of `asOf`: a revocation after that date had not happened yet. */
export function toAward(document: AwardDocument, asOf: string, view: ReadView): Award {
  const revoked = document.revokedOn !== null && document.revokedOn <= asOf;
  return {
    asOf,
    view,
    grantedById: document.grantedById,
    id: document._id,
    title: document.title,
    otherTitle: document.otherTitle,
    citation: document.citation,
    grantedOn: document.grantedOn,
    revokedOn: revoked ? document.revokedOn : null,
    revokeReason: revoked ? document.revokeReason : null,
    recipientKind: document.recipientKind,
    recipientId: document.recipientId,
    recordedAt: document.recordedAt,
    endRecordedAt: revoked ? document.endRecordedAt : null,
  };
}
